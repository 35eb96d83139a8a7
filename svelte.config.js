import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: { runes: true },
	kit: {
		adapter: adapter(),
		// No script but our own files: SvelteKit hashes or nonces its one inline start-up script,
		// so a unit name that slips into the page as HTML still cannot run. Styles stay inline
		// ('unsafe-inline'): Svelte's style: directives, Leaflet and the ECharts SVG set them.
		csp: {
			mode: 'auto',
			directives: {
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		},
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
