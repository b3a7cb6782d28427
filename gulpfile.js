const path = require('path');
const { src, dest, task } = require('gulp');

// Icons (light and dark SVG) and codex files are not compiled by tsc; copy them beside the .js files.
function copyAssets() {
	return src(['nodes/**/*.{png,svg,json}', 'credentials/**/*.{png,svg}'], {
		base: '.',
		encoding: false,
	}).pipe(dest(path.resolve('dist')));
}

task('build:assets', copyAssets);
