// web.mjs - `crosscheck serve` in a real browser (Debian's chromium driven
// by playwright-core) and over plain HTTP. Run by tests/web.sh, which makes
// the store and starts the server: BASE is its address, SHOTS the folder
// for screenshots. Prints "ok"/"FAIL" lines and "web: N passed, N failed".
import { chromium } from "playwright-core";

const BASE = process.env.BASE;
const SHOTS = process.env.SHOTS || "build/web";
let pass = 0, fail = 0;
function check(name, cond, detail = "") {
  if (cond) pass++;
  else { fail++; console.log(`FAIL web: ${name}${detail ? ": " + detail : ""}`); }
}

// ---- over HTTP: API, limits, headers ----
async function http() {
  let r = await fetch(`${BASE}/api/stories`);
  check("api stories: 200 JSON", r.status === 200 && r.headers.get("content-type").startsWith("application/json"));
  const stories = await r.json();
  check("api stories: a list with counts", Array.isArray(stories) && stories.length >= 3 &&
        stories.every(s => s.id && s.title && "disputes" in s && "sources" in s));
  const fire = stories.find(s => /Grain terminal fire/.test(s.title));
  check("api stories: the grain-terminal fire", !!fire);
  r = await fetch(`${BASE}/api/stories/${fire.id}`);
  const one = await r.json();
  check("api story: the analyze object", r.status === 200 && one.stories.length === 1 &&
        one.stories[0].id === fire.id && one.documents.length === one.stories[0].documents.length);
  check("api story: disputes and facts", one.stories[0].disputes.length >= 2 && one.stories[0].facts.length >= 3);
  const docId = one.documents[0].id;
  r = await fetch(`${BASE}/api/documents/${docId}`);
  const doc = await r.json();
  check("api document: text and marks", r.status === 200 && doc.id === docId && doc.text.length > 50 &&
        Array.isArray(doc.marks) && doc.marks.length > 0);
  r = await fetch(`${BASE}/api/search?q=barley`);
  const hits = await r.json();
  check("api search: hits with snippets", r.status === 200 && hits.length > 0 &&
        hits.some(h => h.kind === "document" && /\*\*barley\*\*/i.test(h.snippet)));
  r = await fetch(`${BASE}/api/search`);
  check("api search without q: 400", r.status === 400);
  r = await fetch(`${BASE}/api/stories/zzzz`);
  check("api bad id: 404", r.status === 404);
  r = await fetch(`${BASE}/api/stories/0123456789ab`);
  check("api unknown story: 404 JSON", r.status === 404 && (await r.json()).error);
  r = await fetch(`${BASE}/api/nothing`);
  check("api unknown route: 404", r.status === 404);
  r = await fetch(`${BASE}/`, { method: "POST", body: "x".repeat(100000) });
  check("POST: 405", r.status === 405 && r.headers.get("allow") === "GET, HEAD");
  for (const p of ["/../../etc/passwd", "/assets/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd",
                   "/documents/..%2f..%2fetc%2fpasswd", "/assets/style.css/../../x"]) {
    r = await fetch(`${BASE}${p}`);
    const body = await r.text();
    check(`no traversal: ${p}`, r.status === 404 && !body.includes("root:"), `status ${r.status}`);
  }
  r = await fetch(`${BASE}/search?q=${"a".repeat(5000)}`);
  check("a very long address: refused", r.status === 414 || r.status === 400, `status ${r.status}`);
  r = await fetch(`${BASE}/`);
  const csp = r.headers.get("content-security-policy") || "";
  check("pages forbid scripts and foreign content", /default-src 'none'/.test(csp) && !/script-src/.test(csp));
  check("pages say nosniff", r.headers.get("x-content-type-options") === "nosniff");
  const html = await r.text();
  check("no external asset", !/(src|href)="(https?:)?\/\//.test(html));
  r = await fetch(`${BASE}/assets/style.css`);
  check("the stylesheet is served", r.status === 200 && /text\/css/.test(r.headers.get("content-type")));
  return fire;
}

// ---- in the browser ----
async function browser(fire) {
  const b = await chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  const page = await b.newPage({ viewport: { width: 1200, height: 900 } });
  let dialogs = 0, external = 0;
  page.on("dialog", async d => { dialogs++; await d.dismiss(); });
  page.on("request", req => { if (!req.url().startsWith(BASE)) external++; });
  const errors = [];
  page.on("pageerror", e => errors.push(String(e)));

  // the story list
  await page.goto(`${BASE}/`);
  const rows = await page.locator("table.stories tbody tr").count();
  check("story list: a row per story", rows >= 3, `${rows} rows`);
  check("story list: dates, sizes, sources, disputes",
        (await page.locator("table.stories thead th").allTextContents()).join(",") ===
        "Date,Story,Reports,Sources,Facts,Disputes");
  await page.screenshot({ path: `${SHOTS}/list.png`, fullPage: true });

  // click into the fire story
  await page.getByRole("link", { name: fire.title }).click();
  await page.waitForURL(`**/stories/${fire.id}`);
  check("story page: its headline", (await page.locator("h2").first().textContent()).includes("Grain terminal fire"));
  const matrix = page.locator("section.matrix table");
  check("story page: the source matrix", await matrix.isVisible());
  const cols = await matrix.locator("thead th").count();
  check("matrix: a column per independent source", cols - 1 === 5, `${cols - 1} columns`);
  check("matrix: sources that say", (await matrix.locator("td.supports").count()) > 0);
  check("matrix: sources that contradict", (await matrix.locator("td.contradicts").count()) > 0);
  check("matrix: sources that do not say", (await matrix.locator("td.lacks").count()) > 0);
  const crews = matrix.locator("tr.dispute", { hasText: "number of crews" });
  check("matrix: the crews dispute, 9 against 11",
        (await crews.locator("td", { hasText: /^9$/ }).count()) === 1 &&
        (await crews.locator("td", { hasText: /^11$/ }).count()) === 1);
  const svg = page.locator("svg.timeline");
  check("story page: the timeline drawn", await svg.isVisible());
  const box = await svg.boundingBox();
  check("timeline: a real size", box && box.width > 300 && box.height > 60);
  check("timeline: a dot per item", (await svg.locator("circle.dot").count()) >= 2);
  check("story page: quotes with speakers", (await page.locator("h3", { hasText: "Quotes" }).count()) === 1);
  await page.screenshot({ path: `${SHOTS}/story.png`, fullPage: true });

  // a source's report page, from the matrix
  await matrix.locator("thead th a").first().click();
  await page.waitForURL("**/documents/*");
  check("report page: its text", (await page.locator("article.text p").count()) >= 2);
  check("report page: places marked", (await page.locator("article.text mark.m-place").count()) > 0);
  check("report page: times marked", (await page.locator("article.text mark.m-time").count()) > 0);
  check("report page: a link back to its story",
        (await page.locator(`ul.meta a[href="/stories/${fire.id}"]`).count()) === 1);
  await page.screenshot({ path: `${SHOTS}/document.png`, fullPage: true });

  // search from the header
  await page.fill("header input[name=q]", "barley");
  await page.press("header input[name=q]", "Enter");
  await page.waitForURL("**/search?q=barley");
  const hits = await page.locator("ol.hits li").count();
  check("search: hits", hits > 0, `${hits}`);
  check("search: matched words marked", (await page.locator("ol.hits mark").count()) > 0);
  await page.screenshot({ path: `${SHOTS}/search.png`, fullPage: true });
  await page.locator("ol.hits li a").first().click();
  await page.waitForLoadState();
  check("search: a hit opens", /\/(documents|stories)\//.test(page.url()));

  // untrusted text: the injected report renders as text
  await page.goto(`${BASE}/`);
  const inj = page.locator("table.stories a", { hasText: "Crane" });
  check("injection: its story is listed, title as text", (await inj.count()) === 1 &&
        (await inj.textContent()).includes("<script>alert('x')</script>"));
  await inj.click();
  await page.waitForURL("**/stories/*");
  check("injection: story page title as text", (await page.locator("h2").first().textContent()).includes("<script>"));
  check("injection: no image element made", (await page.locator("main img").count()) === 0);
  check("injection: no script element in the page", (await page.locator("main script").count()) === 0);
  await page.screenshot({ path: `${SHOTS}/injection.png`, fullPage: true });
  await page.goto(`${BASE}/search?q=${encodeURIComponent("<script> Veltmark")}`);
  check("injection: search echo as text", (await page.locator("header input[name=q]").inputValue()).includes("<script>"));
  check("injection: no script element in search", (await page.locator("main script").count()) === 0);
  const docLink = page.locator("ol.hits li a[href^='/documents/']").first();
  if (await docLink.count()) {
    await docLink.click();
    await page.waitForURL("**/documents/*");
    check("injection: report page title as text",
          (await page.locator("h1").textContent()).includes("<script>alert('x')</script> Crane <img"));
    check("injection: report text as text",
          (await page.locator("article.text").textContent()).includes("<script>alert(5)</script>") &&
          (await page.locator("article.text").textContent()).includes("<img src=x onerror=alert(6)>"));
    check("injection: report page has no live elements", (await page.locator("main img, main script").count()) === 0);
    await page.screenshot({ path: `${SHOTS}/injection-report.png`, fullPage: true });
  } else {
    check("injection: the report is found by search", false);
  }
  check("no dialog ever opened", dialogs === 0, `${dialogs}`);
  check("no request left the server", external === 0, `${external}`);
  check("no script error", errors.length === 0, errors.join("; "));
  await b.close();
}

try {
  const fire = await http();
  await browser(fire);
} catch (e) {
  check("the run finished", false, String(e && e.stack || e));
}
console.log(`web: ${pass} passed, ${fail} failed`);
process.exit(fail ? 1 : 0);
