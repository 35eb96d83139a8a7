/**
 * The person key: HMAC-SHA256(secret, ID number) truncated to 128 bits, as a UUID (the first 16
 * bytes of the digest, in order). Registered on a pipeline connection as the SQL function
 * `person_key(VARCHAR) → UUID`: the ID numbers go from DuckDB's vectors to this function's
 * memory and only their keys come back.
 *
 * HMAC's two key blocks are hashed once per secret (their SHA-256 states kept), so each ID costs
 * two compressions instead of the four of SQL over DuckDB's sha256(). The function is C
 * (native/person_key.c, built at install, on the processor's SHA instructions where it has them)
 * registered through DuckDB's C API, so it runs on DuckDB's threads; without that module it is
 * the JavaScript below, where every DuckDB thread waits its turn for Node's main thread: at 1M
 * rows the C function costs a few tens of milliseconds, the JavaScript one 1.2–1.9 s.
 */
import bindings from '@duckdb/node-bindings';
import { DuckDBScalarFunction, UUID, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { createRequire } from 'node:module';

interface NativeKeyer {
	/**
	 * Registers the C function on the bindings' connection object with the key states (inner then
	 * outer); false if the object is not one this module knows (then JavaScript does the work).
	 */
	register(connection: unknown, states: Int32Array, varchar: number, uuid: number): boolean;
	/** Uses the processor's SHA instructions if `wanted` and there (the default); says if in use. */
	accelerate(wanted: boolean): boolean;
}

/** The C function, or undefined when it was not built (no compiler at install). */
export const nativeKeyer: NativeKeyer | undefined = loadNative();

function loadNative(): NativeKeyer | undefined {
	try {
		return createRequire(import.meta.url)('./native/build/person_key.node') as NativeKeyer;
	} catch {
		return undefined;
	}
}

// prettier-ignore
const K = new Int32Array([
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2
]);
// prettier-ignore
const IV = new Int32Array([
	0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19
]);

const W = new Int32Array(64);

/** One SHA-256 compression of the 16 big-endian words in `block` into `state`. */
function compress(state: Int32Array, block: Int32Array): void {
	for (let i = 0; i < 16; i++) W[i] = block[i]!;
	for (let i = 16; i < 64; i++) {
		const w15 = W[i - 15]!;
		const w2 = W[i - 2]!;
		const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
		const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
		W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
	}
	let a = state[0]!;
	let b = state[1]!;
	let c = state[2]!;
	let d = state[3]!;
	let e = state[4]!;
	let f = state[5]!;
	let g = state[6]!;
	let h = state[7]!;
	for (let i = 0; i < 64; i++) {
		const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
		const t1 = (h + s1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
		const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
		const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
		h = g;
		g = f;
		f = e;
		e = (d + t1) | 0;
		d = c;
		c = b;
		b = a;
		a = (t1 + t2) | 0;
	}
	state[0] = (state[0]! + a) | 0;
	state[1] = (state[1]! + b) | 0;
	state[2] = (state[2]! + c) | 0;
	state[3] = (state[3]! + d) | 0;
	state[4] = (state[4]! + e) | 0;
	state[5] = (state[5]! + f) | 0;
	state[6] = (state[6]! + g) | 0;
	state[7] = (state[7]! + h) | 0;
}

/** HMAC-SHA256 with one key, for messages of up to 55 bytes (one block after the key's). */
export class PersonKeyer {
	readonly #inner: Int32Array;
	readonly #outer: Int32Array;
	readonly #state = new Int32Array(8);
	readonly #block = new Int32Array(16);

	constructor(key: Buffer) {
		if (key.length > 64) throw new Error('HMAC keys longer than a block are not supported');
		this.#inner = keyState(key, 0x36);
		this.#outer = keyState(key, 0x5c);
	}

	/** The inner then the outer key state, as the C function takes them. */
	get states(): Int32Array {
		const states = new Int32Array(16);
		states.set(this.#inner);
		states.set(this.#outer, 8);
		return states;
	}

	/**
	 * The first four digest words of HMAC(key, bytes[start, start + length)), in `out`; returns
	 * false (out untouched) for a message too long for one block.
	 */
	digest(bytes: Uint8Array, start: number, length: number, out: Int32Array): boolean {
		if (length > 55) return false;
		const state = this.#state;
		const block = this.#block;
		state.set(this.#inner);
		block.fill(0);
		for (let i = 0; i < length; i++) block[i >> 2]! |= bytes[start + i]! << (24 - 8 * (i & 3));
		block[length >> 2]! |= 0x80 << (24 - 8 * (length & 3));
		block[15] = (64 + length) * 8;
		compress(state, block);
		for (let i = 0; i < 8; i++) block[i] = state[i]!;
		block[8] = 0x80000000;
		block.fill(0, 9, 15);
		block[15] = (64 + 32) * 8;
		state.set(this.#outer);
		compress(state, block);
		out[0] = state[0]!;
		out[1] = state[1]!;
		out[2] = state[2]!;
		out[3] = state[3]!;
		return true;
	}
}

function keyState(key: Buffer, pad: number): Int32Array {
	const padded = Buffer.alloc(64);
	key.copy(padded);
	const block = new Int32Array(16);
	for (let i = 0; i < 16; i++) block[i] = padded.readInt32BE(i * 4) ^ (pad * 0x01010101);
	const state = IV.slice();
	compress(state, block);
	return state;
}

/**
 * Registers `person_key(id VARCHAR) → UUID` on a connection: the C function when it is built,
 * else one in JavaScript; says which. `native` is for the tests (null: JavaScript).
 */
export function registerPersonKey(
	connection: DuckDBConnection,
	key: Buffer,
	native: NativeKeyer | null = nativeKeyer ?? null
): 'C' | 'JavaScript' {
	const keyer = new PersonKeyer(key);
	// node-api keeps the bindings' connection object private; the C API needs what it wraps.
	const wrapped = (connection as unknown as { connection: unknown }).connection;
	if (
		native &&
		BINDINGS_VERSION === CHECKED_BINDINGS &&
		native.register(wrapped, keyer.states, bindings.Type.VARCHAR, bindings.Type.UUID)
	)
		return 'C';
	registerScript(connection, keyer);
	return 'JavaScript';
}

/**
 * The bindings release whose connection object layout the C module reads (see person_key.c):
 * another release gets the JavaScript function until the layout is checked again and this
 * updated (the CI test that the C function is in use fails meanwhile).
 */
const CHECKED_BINDINGS = '1.5.6-r.1';
const BINDINGS_VERSION = (
	createRequire(import.meta.url)('@duckdb/node-bindings/package.json') as { version: string }
).version;

/** DuckDB's string_t: 16 bytes, the length first; up to 12 bytes inline, else a pointer at 8. */
const STRING_SIZE = 16;
const INLINE = 12;

/**
 * The JavaScript function: DuckDB calls it with a chunk of rows at a time; values are read from
 * and written to the vectors' memory directly (through the bindings: node-api's vector wrappers
 * convert value by value).
 */
function registerScript(connection: DuckDBConnection, keyer: PersonKeyer): void {
	const fn = new DuckDBScalarFunction();
	fn.setName('person_key');
	fn.setReturnType(UUID);
	fn.addParameter(VARCHAR);
	const words = new Int32Array(4);
	bindings.scalar_function_set_function(fn.scalar_function, (info, input, output) => {
		const rows = bindings.data_chunk_get_size(input);
		const ids = bindings.data_chunk_get_vector(input, 0);
		const strings = bindings.vector_get_data(ids, rows * STRING_SIZE);
		// One bit per row in 64-bit words; absent when no row is NULL. A NULL row's string is junk.
		const validityBytes = Math.ceil(rows / 64) * 8;
		const validity = bindings.vector_get_validity(ids, validityBytes) as Uint8Array | null;
		const isNull = (r: number) => validity !== null && ((validity[r >> 3]! >> (r & 7)) & 1) === 0;
		// vector_get_data gives a copy of the vector's memory: the keys go back with one copy.
		const uuids = new Uint8Array(rows * 16);
		const view = new DataView(strings.buffer, strings.byteOffset, strings.byteLength);
		const out = new DataView(uuids.buffer);
		let nulls = false;
		for (let r = 0; r < rows; r++) {
			if (isNull(r)) {
				nulls = true;
				continue;
			}
			const at = r * STRING_SIZE;
			const length = view.getUint32(at, true);
			const ok =
				length <= INLINE
					? keyer.digest(strings, at + 4, length, words)
					: keyer.digest(
							bindings.get_data_from_pointer(
								strings.buffer as ArrayBuffer,
								strings.byteOffset + at + 8,
								length
							),
							0,
							length,
							words
						);
			if (!ok) {
				bindings.scalar_function_set_error(info, `person_key: an ID number of ${length} bytes`);
				return;
			}
			// A UUID is stored as a 128-bit integer, little-endian, its top bit flipped.
			out.setInt32(r * 16, words[3]!, true);
			out.setInt32(r * 16 + 4, words[2]!, true);
			out.setInt32(r * 16 + 8, words[1]!, true);
			out.setInt32(r * 16 + 12, words[0]! ^ 0x80000000, true);
		}
		bindings.copy_data_to_vector(output, 0, uuids.buffer, 0, uuids.byteLength);
		if (nulls) {
			// NULL in, NULL out: the result's validity is the input's.
			bindings.vector_ensure_validity_writable(output);
			bindings.copy_data_to_vector_validity(
				output,
				0,
				validity!.buffer as ArrayBuffer,
				validity!.byteOffset,
				validityBytes
			);
		}
	});
	connection.registerScalarFunction(fn);
}
