'use strict';

// Runs the built app with a CPU profiler the bench can switch on and off per phase
// (BENCH_CPU_PROF=1): each SIGWINCH starts or stops V8's sampling profiler in this process.
// (Not SIGUSR2: Nest's shutdown hooks stop the app on it; SIGWINCH is ignored by default.)
// On start it writes `<target>.started`; on stop it writes the profile to the path named in
// the file BENCH_PROFILE_CONTROL, through a temporary file, so the bench sees it whole.

const fs = require('node:fs');
const inspector = require('node:inspector');
const path = require('node:path');

const control = process.env.BENCH_PROFILE_CONTROL;
const session = new inspector.Session();
session.connect();
const post = (method, params = {}) =>
  new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));

let running = false;
let chain = Promise.resolve();
process.on('SIGWINCH', () => {
  chain = chain
    .then(async () => {
      const target = fs.readFileSync(control, 'utf8').trim();
      if (!running) {
        await post('Profiler.enable');
        await post('Profiler.setSamplingInterval', { interval: 1000 });
        await post('Profiler.start');
        running = true;
        fs.writeFileSync(`${target}.started`, '');
      } else {
        const { profile } = await post('Profiler.stop');
        running = false;
        fs.writeFileSync(`${target}.tmp`, JSON.stringify(profile));
        fs.renameSync(`${target}.tmp`, target);
      }
    })
    .catch((error) => process.stderr.write(`[profiler] ${error.stack ?? error}\n`));
});

require(path.resolve(__dirname, '../dist/main.js'));
