import { fail, type RequestEvent } from '@sveltejs/kit';
import { isRole } from '$lib/access';
import { ACCOUNT_ERROR_KEYS } from '$lib/server/accounts/messages';
import {
	AccountError,
	addUser,
	changeRole,
	listUsers,
	removeUser,
	setPassword,
	type Actor
} from '$lib/server/accounts/users';
import { accounts, clientAddress } from '$lib/server/auth';
import { requireAccess } from '$lib/server/guard';
import { cachedUnits, currentDatabase } from '$lib/server/live';
import type { Actions, PageServerLoad } from './$types';

/** Units an officer can act for: districts and agencies (their subtrees are what they own). */
async function officerUnits() {
	const db = await currentDatabase();
	const units = db ? await cachedUnits(db) : [];
	return units
		.filter((u) => u.kind === 'district' || u.kind === 'agency')
		.map((u) => ({ code: u.code, name: u.name }));
}

export const load: PageServerLoad = async (event) => {
	await requireAccess(event, 'admin');
	const store = await accounts();
	return { users: await listUsers(store.kysely), units: await officerUnits() };
};

/** Every action checks the role itself: a form posted by hand reaches it without the page. */
async function admin(event: RequestEvent): Promise<{ form: FormData; actor: Actor }> {
	const user = (await requireAccess(event, 'admin'))!;
	return {
		form: await event.request.formData(),
		actor: { name: user.name, source: 'web', address: clientAddress(event) }
	};
}

const text = (form: FormData, key: string) => String(form.get(key) ?? '').trim();

/** The role and unit fields; the unit must be one of the unit list's when one is given. */
async function roleAndUnit(form: FormData) {
	const role = text(form, 'role');
	if (!isRole(role)) throw new AccountError('bad_role', { role });
	const unitCode = role === 'officer' ? text(form, 'unit') || null : null;
	if (unitCode && !(await officerUnits()).some((u) => u.code === unitCode))
		throw new AccountError('unknown_unit', { unit: unitCode });
	return { role, unitCode };
}

/** Runs a change; a refusal comes back to the form as its message. */
async function change(name: string, work: () => Promise<void>) {
	try {
		await work();
		return { done: name };
	} catch (error) {
		if (!(error instanceof AccountError)) throw error;
		return fail(400, { name, problem: ACCOUNT_ERROR_KEYS[error.code], params: error.params });
	}
}

export const actions: Actions = {
	add: async (event) => {
		const { form, actor } = await admin(event);
		const name = text(form, 'name');
		return change(name, async () => {
			const password = String(form.get('password') ?? '');
			if (password !== String(form.get('again') ?? '')) throw new AccountError('password_mismatch');
			const store = await accounts();
			await addUser(store.kysely, { name, ...(await roleAndUnit(form)), password }, actor);
		});
	},
	role: async (event) => {
		const { form, actor } = await admin(event);
		const name = text(form, 'name');
		return change(name, async () => {
			const { role, unitCode } = await roleAndUnit(form);
			await changeRole((await accounts()).kysely, name, role, unitCode, actor);
		});
	},
	password: async (event) => {
		const { form, actor } = await admin(event);
		const name = text(form, 'name');
		return change(name, async () => {
			const password = String(form.get('password') ?? '');
			if (password !== String(form.get('again') ?? '')) throw new AccountError('password_mismatch');
			await setPassword((await accounts()).kysely, name, password, actor);
		});
	},
	remove: async (event) => {
		const { form, actor } = await admin(event);
		const name = text(form, 'name');
		return change(name, async () => removeUser((await accounts()).kysely, name, actor));
	}
};
