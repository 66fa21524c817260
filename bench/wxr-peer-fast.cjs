/**
 * wordpress-export-to-markdown's CLI with its 25 ms pause between Markdown files switched off
 * (`markdown_file_write_delay` in its src/settings.js), so that timing and fidelity runs do not
 * wait on a throttle meant for slow disks. Same argv as its own index.js: node this-file --input=… …
 * CommonJS, because the peer is: its modules share one require cache, so the settings object
 * changed here is the one its writer reads.
 */
const path = require('node:path')
const root = path.dirname(require.resolve('wordpress-export-to-markdown/package.json'))
require(path.join(root, 'src/settings.js')).markdown_file_write_delay = 0
require(path.join(root, 'index.js'))
