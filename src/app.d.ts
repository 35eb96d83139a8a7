// See https://svelte.dev/docs/kit/types#app.d.ts
import type { User } from '$lib/access';

declare global {
	namespace App {
		// interface Error {}
		interface Locals {
			/** The signed-in user, or null (set by hooks.server.ts on every request). */
			user: User | null;
		}
		// interface PageData {}
		// interface PageState {}
		// interface Platform {}
	}
}

export {};
