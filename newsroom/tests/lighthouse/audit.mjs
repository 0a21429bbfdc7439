// Lighthouse over several pages in one Chromium (the test calls this; see test_lighthouse.py).
// stdin: {"modules": ".../node_modules", "chrome": "/usr/bin/chromium", "flags": [...],
//         "categories": [...], "pages": [{"url": "...", "snapshot": false}]}
// stdout: a JSON list of Lighthouse results (lhr), one per page, in order.
// Pages answered with an error status cannot be audited as navigations (Lighthouse stops with
// ERRORED_DOCUMENT_REQUEST), so those are loaded first and audited in snapshot mode, which
// checks the rendered document: every accessibility audit and the SEO/best-practice audits
// that apply to a snapshot.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';

const spec = JSON.parse(readFileSync(0, 'utf8'));
const load = (path) => import(pathToFileURL(join(spec.modules, path)).href);
const lighthouse = await load('lighthouse/core/index.js');
const puppeteer = (await load('puppeteer-core/lib/esm/puppeteer/puppeteer-core.js')).default;

const desktop = lighthouse.desktopConfig;
const config = {
  ...desktop,
  settings: {...desktop.settings, onlyCategories: spec.categories, maxWaitForLoad: 30000},
};
const browser = await puppeteer.launch({
  executablePath: spec.chrome,
  headless: true,
  args: spec.flags.filter((flag) => flag !== '--headless'),
  defaultViewport: null,
});
const results = [];
try {
  for (const item of spec.pages) {
    const page = await browser.newPage();
    let result;
    if (item.snapshot) {
      await page.goto(item.url, {waitUntil: 'load'});
      result = await lighthouse.snapshot(page, {config});
    } else {
      result = await lighthouse.navigation(page, item.url, {config});
    }
    results.push(result.lhr);
    await page.close();
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(results));
