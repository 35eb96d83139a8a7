/*
 * The person key as a DuckDB function in C: `person_key(VARCHAR) → UUID`, HMAC-SHA256 of each ID
 * number, registered on a connection through DuckDB's C API so it runs on DuckDB's own threads
 * (a function registered from JavaScript makes every thread wait its turn on Node's main thread).
 * pipeline/person-key.ts does the same in JavaScript when this module is not built; both give
 * the same keys (tested).
 *
 * The HMAC key's two padded blocks are hashed once by the caller and passed in as SHA-256 states,
 * so each ID costs two compressions. On x86-64 processors with the SHA extensions the compression
 * runs on them (checked at load time with cpuid); elsewhere it is plain C.
 */
#include <node_api.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "duckdb-api.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>
#endif

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};

#define ROTR(x, n) (((x) >> (n)) | ((x) << (32 - (n))))

/* One compression of the 16 message words `w` (already big-endian values) into `state`. */
static void compress_c(uint32_t state[8], const uint32_t w16[16]) {
	uint32_t w[64];
	memcpy(w, w16, 64);
	for (int i = 16; i < 64; i++) {
		uint32_t s0 = ROTR(w[i - 15], 7) ^ ROTR(w[i - 15], 18) ^ (w[i - 15] >> 3);
		uint32_t s1 = ROTR(w[i - 2], 17) ^ ROTR(w[i - 2], 19) ^ (w[i - 2] >> 10);
		w[i] = w[i - 16] + s0 + w[i - 7] + s1;
	}
	uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
	uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
	for (int i = 0; i < 64; i++) {
		uint32_t t1 = h + (ROTR(e, 6) ^ ROTR(e, 11) ^ ROTR(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
		uint32_t t2 = (ROTR(a, 2) ^ ROTR(a, 13) ^ ROTR(a, 22)) + ((a & b) ^ (a & c) ^ (b & c));
		h = g;
		g = f;
		f = e;
		e = d + t1;
		d = c;
		c = b;
		b = a;
		a = t1 + t2;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
	state[4] += e;
	state[5] += f;
	state[6] += g;
	state[7] += h;
}

#if defined(__x86_64__)
/* The same compression on the SHA extensions (the instructions' ABEF/CDGH state layout). */
__attribute__((target("sha,sse4.1"))) static void compress_ni(uint32_t state[8], const uint32_t w16[16]) {
	__m128i tmp = _mm_loadu_si128((const __m128i *)&state[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)&state[4]);
	tmp = _mm_shuffle_epi32(tmp, 0xB1);
	s1 = _mm_shuffle_epi32(s1, 0x1B);
	__m128i s0 = _mm_alignr_epi8(tmp, s1, 8);
	s1 = _mm_blend_epi16(s1, tmp, 0xF0);
	const __m128i abef = s0, cdgh = s1;
	__m128i msg[4];
	for (int i = 0; i < 16; i++) {
		__m128i m;
		if (i < 4) {
			m = _mm_loadu_si128((const __m128i *)&w16[4 * i]);
		} else {
			__m128i t = _mm_sha256msg1_epu32(msg[i & 3], msg[(i + 1) & 3]);
			t = _mm_add_epi32(t, _mm_alignr_epi8(msg[(i + 3) & 3], msg[(i + 2) & 3], 4));
			m = _mm_sha256msg2_epu32(t, msg[(i + 3) & 3]);
		}
		msg[i & 3] = m;
		__m128i k = _mm_add_epi32(m, _mm_loadu_si128((const __m128i *)&K[4 * i]));
		s1 = _mm_sha256rnds2_epu32(s1, s0, k);
		s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(k, 0x0E));
	}
	s0 = _mm_add_epi32(s0, abef);
	s1 = _mm_add_epi32(s1, cdgh);
	tmp = _mm_shuffle_epi32(s0, 0x1B);
	s1 = _mm_shuffle_epi32(s1, 0xB1);
	_mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(tmp, s1, 0xF0));
	_mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(s1, tmp, 8));
}

static int has_sha_extensions(void) {
	unsigned a, b, c, d;
	if (!__get_cpuid_count(7, 0, &a, &b, &c, &d)) return 0;
	if (!(b & (1u << 29))) return 0; /* SHA */
	if (!__get_cpuid(1, &a, &b, &c, &d)) return 0;
	return (c & (1u << 19)) != 0; /* SSE4.1 */
}
#endif

static void (*compress)(uint32_t state[8], const uint32_t w16[16]) = compress_c;

/* DuckDB's string_t: a 32-bit length, then up to 12 bytes inline, else a prefix and a pointer. */
#define STRING_SIZE 16
#define INLINE 12

/* HMAC of `length` (≤ 55) bytes into the UUID bytes `out` (DuckDB's UUID: a little-endian
 * 128-bit integer with its top bit flipped). `keys` holds the inner then the outer state. */
static void hmac_uuid(const uint32_t keys[16], const uint8_t *bytes, uint32_t length, uint8_t *out) {
	uint32_t block[16] = {0};
	uint32_t state[8];
	for (uint32_t i = 0; i < length; i++) block[i >> 2] |= (uint32_t)bytes[i] << (24 - 8 * (i & 3));
	block[length >> 2] |= 0x80u << (24 - 8 * (length & 3));
	block[15] = (64 + length) * 8;
	memcpy(state, keys, 32);
	compress(state, block);
	memcpy(block, state, 32);
	block[8] = 0x80000000u;
	memset(&block[9], 0, 6 * 4);
	block[15] = (64 + 32) * 8;
	memcpy(state, keys + 8, 32);
	compress(state, block);
	uint32_t words[4] = {state[3], state[2], state[1], state[0] ^ 0x80000000u};
	memcpy(out, words, 16); /* x86-64 and arm64 are little-endian, as DuckDB's storage is */
}

/* The function itself, called by DuckDB with a chunk of rows; `extra_info` holds the key states. */
static void person_key(duckdb_function_info info, duckdb_data_chunk input, duckdb_vector output) {
	const uint32_t *keys = duckdb_scalar_function_get_extra_info(info);
	idx_t rows = duckdb_data_chunk_get_size(input);
	duckdb_vector ids = duckdb_data_chunk_get_vector(input, 0);
	const uint8_t *strings = duckdb_vector_get_data(ids);
	uint64_t *valid = duckdb_vector_get_validity(ids);
	uint8_t *out = duckdb_vector_get_data(output);
	for (idx_t r = 0; r < rows; r++) {
		if (valid && !duckdb_validity_row_is_valid(valid, r)) {
			duckdb_vector_ensure_validity_writable(output);
			duckdb_validity_set_row_invalid(duckdb_vector_get_validity(output), r);
			continue;
		}
		const uint8_t *s = strings + r * STRING_SIZE;
		uint32_t length;
		memcpy(&length, s, 4);
		const uint8_t *bytes = s + 4;
		if (length > INLINE) memcpy(&bytes, s + 8, sizeof bytes);
		if (length > 55) {
			char message[64];
			snprintf(message, sizeof message, "person_key: an ID number of %u bytes", length);
			duckdb_scalar_function_set_error(info, message);
			return;
		}
		hmac_uuid(keys, bytes, length, out + r * 16);
	}
}

/*
 * How @duckdb/node-bindings 1.5 holds a connection (its duckdb_node_bindings.cpp): an External
 * with this type tag over a malloc'd struct whose one member is the duckdb_connection. Earlier
 * releases put the duckdb_connection itself in the External, under the same tag, which is why
 * person-key.ts calls this only for the bindings release it was checked against.
 */
static const napi_type_tag CONNECTION_TAG = {0x922B9BF54AB04DFC, 0x8A258578D371DB71};
typedef struct {
	duckdb_connection connection;
} connection_holder;

/*
 * register(connection, keys: Int32Array(16), varchar: number, uuid: number) → boolean
 * `connection` is the bindings' connection object, `varchar` and `uuid` the bindings' type ids.
 * False when `connection` is not one: the caller falls back to JavaScript.
 */
static napi_value register_function(napi_env env, napi_callback_info info) {
	size_t argc = 4;
	napi_value argv[4], result;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	bool tagged = false;
	void *holder = NULL;
	if (argc == 4) napi_check_object_type_tag(env, argv[0], &CONNECTION_TAG, &tagged);
	if (!tagged || napi_get_value_external(env, argv[0], &holder) != napi_ok || !holder) {
		napi_get_boolean(env, false, &result);
		return result;
	}
	napi_typedarray_type type;
	size_t length;
	void *data;
	uint32_t varchar = 0, uuid = 0;
	if (napi_get_typedarray_info(env, argv[1], &type, &length, &data, NULL, NULL) != napi_ok ||
	    type != napi_int32_array || length != 16 || napi_get_value_uint32(env, argv[2], &varchar) != napi_ok ||
	    napi_get_value_uint32(env, argv[3], &uuid) != napi_ok) {
		napi_throw_type_error(env, NULL, "register(connection, keys, varchar, uuid): bad arguments");
		return NULL;
	}
	uint32_t *keys = malloc(64);
	memcpy(keys, data, 64);
	duckdb_scalar_function fn = duckdb_create_scalar_function();
	duckdb_scalar_function_set_name(fn, "person_key");
	duckdb_logical_type in = duckdb_create_logical_type(varchar);
	duckdb_logical_type out = duckdb_create_logical_type(uuid);
	duckdb_scalar_function_add_parameter(fn, in);
	duckdb_scalar_function_set_return_type(fn, out);
	duckdb_destroy_logical_type(&in);
	duckdb_destroy_logical_type(&out);
	duckdb_scalar_function_set_extra_info(fn, keys, free);
	duckdb_scalar_function_set_function(fn, person_key);
	duckdb_state state = duckdb_register_scalar_function(((connection_holder *)holder)->connection, fn);
	duckdb_destroy_scalar_function(&fn);
	if (state != DuckDBSuccess) {
		napi_throw_error(env, NULL, "person_key: DuckDB refused the function");
		return NULL;
	}
	napi_get_boolean(env, true, &result);
	return result;
}

/* accelerate(wanted: boolean) → boolean: use the SHA instructions if wanted and there; says
 * whether they are now in use (the tests run both compressions). */
static napi_value accelerate(napi_env env, napi_callback_info info) {
	size_t argc = 1;
	napi_value argv[1], result;
	bool wanted = false;
	napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
	if (argc == 1) napi_get_value_bool(env, argv[0], &wanted);
	compress = compress_c;
#if defined(__x86_64__)
	if (wanted && has_sha_extensions()) compress = compress_ni;
#endif
	napi_get_boolean(env, compress != compress_c, &result);
	return result;
}

NAPI_MODULE_INIT() {
#if defined(__x86_64__)
	if (has_sha_extensions()) compress = compress_ni;
#endif
	napi_value fn;
	napi_create_function(env, "register", NAPI_AUTO_LENGTH, register_function, NULL, &fn);
	napi_set_named_property(env, exports, "register", fn);
	napi_create_function(env, "accelerate", NAPI_AUTO_LENGTH, accelerate, NULL, &fn);
	napi_set_named_property(env, exports, "accelerate", fn);
	return exports;
}
