// exceljs (its streaming writer) requires `readable-stream`, the userland copy of Node's
// streams; under nodejs_compat workerd has the real node:stream, which wrangler.toml's [alias]
// and the tests' bundler put in its place.
module.exports = require('node:stream');
