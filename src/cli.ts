console.error('migrate: not built yet')
process.exitCode = 2
