import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		typescript: {
			// The pipeline shares src/lib with the app, so type-check it in the same project.
			config(tsconfig) {
				tsconfig.include.push('../pipeline/**/*.ts');
				return tsconfig;
			}
		}
	}
};

export default config;
