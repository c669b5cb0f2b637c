// Run by tests/launch.test.ts through src/launch.mjs: prints the settings the launcher gave it.
process.stdout.write(`${JSON.stringify({ main: process.argv[1], execArgv: process.execArgv, arena: process.env.MALLOC_ARENA_MAX ?? null, args: process.argv.slice(2) })}\n`);
