/**
 * wordpress-export-to-markdown's CLI with its 25 ms pause between Markdown files switched off
 * (`markdown_file_write_delay` in its src/settings.js), so that fidelity runs do not wait on a
 * throttle meant for slow disks. Same argv as its own index.js: node this-file --input=… …
 * CommonJS, because the peer is: its modules share one require cache, so the settings object
 * changed here is the one its writer reads.
 */
const fs = require('node:fs')
const path = require('node:path')
const root = path.dirname(require.resolve('wordpress-export-to-markdown/package.json'))
require(path.join(root, 'src/settings.js')).markdown_file_write_delay = 0
// Two posts with one slug get one path, and the later one wins. Without the delay their writes
// would overlap and either could win; done synchronously, each file is written before the next
// timer fires, in the peer's own order, as its 25 ms spacing did.
fs.promises.mkdir = async (...args) => fs.mkdirSync(...args)
fs.promises.writeFile = async (...args) => fs.writeFileSync(...args)
require(path.join(root, 'index.js'))
