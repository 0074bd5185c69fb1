// The TradeAccord dashboard: plain modules over the JSON API. The API key (if any) stays in this browser.
const $ = (selector) => document.querySelector(selector);
const keyInput = $('#api-key');
// The address the server prints on its first run carries a local admin key (#key=...): keep it in this browser and
// take it out of the address bar and the history, so it is not bookmarked, shared or shown over a shoulder.
if (location.hash.startsWith('#key=')) {
  localStorage.setItem('accord-key', decodeURIComponent(location.hash.slice('#key='.length)));
  history.replaceState(null, '', location.pathname + location.search);
}
keyInput.value = localStorage.getItem('accord-key') ?? '';
keyInput.addEventListener('change', () => { localStorage.setItem('accord-key', keyInput.value); show(location.hash.slice(1) || 'duty'); });

async function api(path, options = {}) {
  const headers = { ...(options.headers ?? {}) };
  if (keyInput.value) headers['X-Api-Key'] = keyInput.value;
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({ detail: response.statusText }));
    throw new Error(problem.detail ?? problem.title);
  }
  return response;
}
const json = async (path, options) => (await api(path, options)).json();
const post = (path, body) => json(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const bn = (usd) => (usd / 1e9).toFixed(2);
const cell = (text, className) => { const td = document.createElement('td'); td.textContent = text; if (className) td.className = className; return td; };
const row = (...cells) => { const tr = document.createElement('tr'); tr.append(...cells); return tr; };
const charts = {};
function chart(id, config) { charts[id]?.destroy(); charts[id] = new Chart(document.getElementById(id), config); return charts[id]; }

// Tariff calculator
$('#duty-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  $('#duty-error').textContent = '';
  const body = { hts: form.get('hts'), origin: form.get('origin'), entryDate: form.get('entryDate'), value: Number(form.get('value')), scenario: form.get('scenario') || null };
  try {
    const quote = await post('/api/duty', body);
    const rows = quote.layers.map((l) => row(cell(l.title), cell(l.heading ?? ''), cell(l.rate), cell(l.amount?.toFixed(2) ?? '', 'num'), cell(l.legalBase)));
    // Layers a stacking rule kept off, so the trace says why an expected duty is absent.
    const removed = quote.notApplied.map((n) => {
      const tr = row(cell(n.title), cell(n.heading ?? ''), cell(n.rate), cell(n.whole ? 'not applied' : 'part only', 'num'), cell(`rule ${n.rule}: ${n.citation}`));
      tr.className = 'not-applied';
      return tr;
    });
    $('#duty-layers tbody').replaceChildren(...rows, ...removed);
    $('#duty-total').textContent = `Total duty: ${quote.totalDuty?.toFixed(2) ?? 'not computable'} USD (${(quote.totalAdValorem * 100).toFixed(2)}% ad valorem) · ${quote.nomenclature ?? ''}`;
  } catch (error) { $('#duty-error').textContent = error.message; }
});

// A line's history: the layers stacked by authority as steps (each rate holds until the next change date).
const day = (iso) => Date.parse(`${iso}T00:00:00Z`) / 86400000;
const iso = (days) => new Date(days * 86400000).toISOString().slice(0, 10);
const percent = (fraction) => `${(fraction * 100).toFixed(2).replace(/\.?0+$/, '')}%`;
$('#history-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const duty = new FormData($('#duty-form'));
  const period = new FormData(event.target);
  $('#history-error').textContent = '';
  const query = new URLSearchParams({ hts: duty.get('hts'), origin: duty.get('origin'), from: period.get('from'), to: period.get('to') });
  if (duty.get('scenario')) query.set('scenario', duty.get('scenario'));
  try {
    const history = await json(`/api/duty/history?${query}`);
    const authorities = [...new Set(history.changes.flatMap((c) => c.layers.map((l) => l.authority)))];
    const colors = ['#3b7dd8', '#e07b24', '#2e9e5b', '#9b59b6', '#c0392b', '#7f8c8d', '#f1c40f', '#16a085'];
    // The last change holds to the end of the period: one more point there draws its step.
    const at = (change) => (authority) => change.layers.filter((l) => l.authority === authority).reduce((sum, l) => sum + l.adValorem, 0) * 100;
    const datasets = authorities.map((authority, i) => ({
      label: authority, stepped: true, fill: i ? '-1' : 'origin', pointRadius: 0, borderColor: colors[i % colors.length], backgroundColor: `${colors[i % colors.length]}aa`,
      data: [...history.changes.map((c) => ({ x: day(c.date), y: at(c)(authority) })),
        { x: day(history.to) + 1, y: at(history.changes[history.changes.length - 1])(authority) }],
    }));
    chart('history-chart', { type: 'line', data: { datasets },
      options: { animation: false, plugins: { title: { display: true, text: `${history.hts} from ${history.origin}: duty layers by authority, % ad valorem` } },
        scales: { x: { type: 'linear', min: day(history.from), max: day(history.to) + 1, ticks: { callback: (value) => iso(value) } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: '% ad valorem' } } } } });
    $('#history-changes tbody').replaceChildren(...history.changes.map((c) => row(cell(c.date), cell(c.totalAdValorem === null ? c.problem : percent(c.totalAdValorem), 'num'),
      cell(c.layers.map((l) => `${l.title}${l.heading ? ` (${l.heading})` : ''} ${l.rate} [${l.authority}]`).join(' + ')))));
    document.body.dataset.historyDrawn = 'yes';
  } catch (error) { $('#history-error').textContent = error.message; }
});

$('#batch-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  // The batch is priced under the scenario chosen for single quotes, so the two agree.
  const scenario = $('#duty-scenario').value;
  const response = await api(`/api/duty/batch${scenario ? `?scenario=${encodeURIComponent(scenario)}` : ''}`, { method: 'POST', body: new FormData(event.target) });
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob); link.download = 'duties.csv'; link.id = 'batch-download';
  link.textContent = `Download duties.csv (${response.headers.get('X-Rows')} rows, ${response.headers.get('X-Errors')} errors)`;
  $('#batch-result').replaceChildren(link);
});

// Purchase tracker
async function track(form) {
  const data = new FormData(form ?? $('#track-form'));
  const report = await json(`/api/track?year=${data.get('year')}&years=${data.get('years') ?? 1}&weights=${data.get('weights')}`);
  const reports = Array.isArray(report) ? report : [report];
  const continued = (r) => r.continuedBy ? ` (from ${r.continuedBy.from}: ${r.continuedBy.series}, vintage ${r.continuedBy.vintage}, category totals only)` : '';
  $('#track-vintage').textContent = reports.map((r) => `${r.series}, vintage ${r.vintage}${continued(r)}, ${r.period.from} to ${r.period.to}: ${r.total.percentOfTarget}% of target`).join(' · ');
  const colors = ['#3b7dd8', '#e07b24', '#2e9e5b', '#9b59b6'];
  const datasets = [];
  reports.forEach((r, s) => r.categories.filter((c) => c.hasData && c.months.length).forEach((c, i) => {
    const color = colors[i % colors.length];
    datasets.push({ label: `${c.name}: actual${reports.length > 1 ? ` (${r.series})` : ''}`, data: c.months.map((m) => m.cumulativeActual / 1e9), borderColor: color, backgroundColor: color, borderDash: s ? [2, 2] : [] });
    datasets.push({ label: `${c.name}: target`, data: c.months.map((m) => m.cumulativeTarget / 1e9), borderColor: color, borderDash: [8, 4], pointRadius: 0 });
  }));
  chart('track-chart', { type: 'line', data: { labels: reports[0].categories[0].months.map((m) => m.month), datasets },
    options: { animation: false, plugins: { title: { display: true, text: 'Cumulative purchases against target, USD billion' } }, scales: { y: { title: { display: true, text: 'USD billion' } } } } });
  $('#track-table tbody').replaceChildren(...reports[0].categories.map((c) => row(cell(c.name), cell(c.hasData ? bn(c.target) : 'no data', 'num'), cell(c.hasData ? bn(c.actual) : '', 'num'), cell(c.hasData ? `${c.percentOfTarget}%` : '', 'num'))));
  document.body.dataset.trackerDrawn = 'yes';
}
$('#track-form').addEventListener('submit', (event) => { event.preventDefault(); track(event.target); });

// Commitments in tonnes: every statistic that measures one (purchases, exports, arrivals) side by side, each figure
// with the line of the reported file it comes from.
async function reported(form) {
  const data = new FormData(form ?? $('#reported-form'));
  $('#reported-error').textContent = '';
  try {
    const report = await json(`/api/track?agreement=${encodeURIComponent(data.get('agreement'))}&year=${data.get('year')}`);
    $('#reported-vintage').textContent = `${report.series}, vintage ${report.vintage}, ${report.from} to ${report.to}`;
    const rows = (report.commitments ?? []).flatMap((c) => (c.statistics.length ? c.statistics : [{ statistic: 'none', summary: 'no reported figure measures this period', rows: [] }])
      .map((s, i) => row(cell(i ? '' : `${c.title} (${c.period})`), cell(s.statistic), cell(s.summary ?? ''), cell(s.asOf ?? ''),
        cell(s.gapTonnes?.toLocaleString('en-US') ?? '', 'num'), cell(s.rows.map((r) => `line ${r.line}`).join(', ')))));
    $('#reported-table tbody').replaceChildren(...rows);
  } catch (error) { $('#reported-error').textContent = error.message; }
  document.body.dataset.reportedDrawn = 'yes';
}
$('#reported-form').addEventListener('submit', (event) => { event.preventDefault(); reported(event.target); });

// Agreements
async function agreements() {
  const timeline = await json('/api/agreements/us-china-phase-one/timeline');
  $('#timeline tbody').replaceChildren(...timeline.dated.map((e) => row(cell(e.date), cell(e.what))));
  const diff = await json('/api/agreements/diff?a=positions-2019-11/us&b=positions-2019-11/china');
  $('#diff tbody').replaceChildren(...diff.changes.flatMap((c) => c.terms.map((t, i) => row(cell(i ? '' : `${c.id} (${c.change})`), cell(t.term), cell(t.a), cell(t.b)))));
}

// Cases: shown as of the date in the page (the shipped data end in 2020–2021, so it starts at 2021-06-01).
const asOf = () => $('#case-as-of').value || '2021-06-01';
$('#case-as-of').addEventListener('change', () => cases());
// Each redraw is numbered: a slower, older answer (say, the board before the date changed) must not overwrite a newer one.
let boardRequest = 0;
async function cases() {
  $('#case-error').textContent = '';
  const request = ++boardRequest;
  try {
    const list = await json(`/api/cases?at=${asOf()}`);
    if (request !== boardRequest) return;
    const states = [...new Set(list.map((c) => c.state))];
    $('#case-board').replaceChildren(...states.map((state) => {
      const column = document.createElement('div'); column.className = 'column';
      const title = document.createElement('h3'); title.textContent = state; column.append(title);
      list.filter((c) => c.state === state).forEach((c) => {
        const card = document.createElement('div'); card.className = `card${c.overdue ? ' overdue' : ''}`; card.dataset.case = c.id;
        card.textContent = `${c.id}: ${c.summary}${c.overdue ? ' (overdue)' : ''} ${c.deadlines.map((d) => `· ${d.stage} by ${d.due}`).join(' ')}`;
        card.addEventListener('click', () => caseDetail(c.id));
        column.append(card);
      });
      return column;
    }));
  } catch (error) { $('#case-error').textContent = error.message; }
}
async function caseDetail(id) {
  const view = await json(`/api/cases/${id}?at=${asOf()}`);
  const verify = await json(`/api/cases/${id}/verify`);
  const detail = $('#case-detail');
  detail.replaceChildren();
  const heading = document.createElement('h3'); heading.textContent = `${view.id}: ${view.state}`; heading.id = 'case-state';
  const table = document.createElement('table');
  table.append(...view.events.map((e) => row(cell(e.sequence), cell(e.at), cell(e.kind), cell(e.by ?? 'both'), cell(e.hash.slice(0, 12)))));
  const chain = document.createElement('p'); chain.id = 'case-chain'; chain.textContent = verify.intact ? `Chain intact (${verify.events} events)` : `Chain broken at event ${verify.firstBadEvent}: ${verify.problem}`;
  const form = document.createElement('form'); form.id = 'advance-form';
  form.innerHTML = `<label>Action <select name="action">${view.permitted.map((a) => `<option>${a.action}</option>`).join('')}</select></label><label>Date <input name="at" type="date" value="2021-02-01"></label><button type="submit">Advance</button>`;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    try { await post(`/api/cases/${id}/advance`, { action: data.get('action'), at: data.get('at') }); await cases(); await caseDetail(id); }
    catch (error) { $('#case-error').textContent = error.message; }
  });
  detail.append(heading, chain, table, form);
}
$('#case-open-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = new FormData(event.target);
  try {
    const opened = await post('/api/cases', { respondent: data.get('respondent'), article: data.get('article'), summary: data.get('summary'), at: data.get('at'), confidential: data.get('confidential') === 'on' });
    await cases(); await caseDetail(opened.id);
  } catch (error) { $('#case-error').textContent = error.message; }
});

// Negotiation
async function negotiation() {
  const analysis = await json('/api/negotiations/us-china-2019-11/analyze');
  // Frontier, Nash and Kalai–Smorodinsky points carry their outcome, so a click on one evaluates it as the offer.
  const point = (p) => ({ x: p.utilities.US, y: p.utilities.CN, outcome: p.outcome });
  const datasets = [
    { label: 'Outcomes (sample)', data: analysis.cloud.map(([x, y]) => ({ x, y })), pointRadius: 1.5, backgroundColor: 'rgba(120,120,120,0.25)', borderColor: 'rgba(0,0,0,0)' },
    { label: 'Pareto frontier', data: analysis.pareto.map(point), showLine: true, borderColor: '#3b7dd8', backgroundColor: '#3b7dd8' },
    { label: 'Nash', data: analysis.nash ? [point(analysis.nash)] : [], pointRadius: 8, backgroundColor: '#e07b24' },
    // Drawn as a larger open triangle: when it falls on the Nash point both stay visible.
    { label: 'Kalai–Smorodinsky', data: analysis.kalaiSmorodinsky ? [point(analysis.kalaiSmorodinsky)] : [], pointRadius: 13, pointStyle: 'triangle', backgroundColor: 'rgba(0,0,0,0)', borderColor: '#2e9e5b', borderWidth: 3 },
  ];
  for (const [party, value] of Object.entries(analysis.reservation)) {
    datasets.push({ label: `${party} reservation`, data: party === 'US' ? [{ x: value, y: 0 }, { x: value, y: 1 }] : [{ x: 0, y: value }, { x: 1, y: value }], showLine: true, borderDash: [6, 4], pointRadius: 0, borderColor: '#888' });
  }
  chart('negotiation-chart', {
    type: 'scatter', data: { datasets },
    options: {
      animation: false,
      scales: { x: { min: 0, max: 1, title: { display: true, text: 'US utility' } }, y: { min: 0, max: 1, title: { display: true, text: 'China utility' } } },
      onClick: (event, elements) => {
        const picked = elements.map((e) => datasets[e.datasetIndex].data[e.index]).find((p) => p.outcome);
        if (picked) { $('#offer-form input[name=offer]').value = picked.outcome; $('#offer-form').requestSubmit(); }
      },
    },
  });
  const named = (label, p) => p ? `${label}: ${p.outcome} (US ${p.utilities.US}, China ${p.utilities.CN})` : `${label}: none`;
  const same = analysis.nash && analysis.kalaiSmorodinsky && analysis.nash.outcome === analysis.kalaiSmorodinsky.outcome;
  $('#negotiation-summary').textContent = `${analysis.outcomes.toLocaleString()} outcomes allowed; ${analysis.pareto.length} on the frontier; zone of agreement: ${analysis.zopa ? 'yes' : 'no'}. `
    + (same ? `${named('Nash and Kalai–Smorodinsky (the same outcome)', analysis.nash)}.` : `${named('Nash', analysis.nash)}. ${named('Kalai–Smorodinsky', analysis.kalaiSmorodinsky)}.`);
  const profile = $('#profile');
  const me = await json('/api/whoami');
  if (!me.party) { profile.textContent = 'Private: shown only to a party\'s own office.'; return; }
  try { profile.textContent = JSON.stringify(await json(`/api/negotiations/us-china-2019-11/profiles/${me.party}`), null, 2); }
  catch { profile.textContent = 'Private: shown only to a party\'s own office.'; }
}
$('#offer-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const result = await post('/api/negotiations/us-china-2019-11/evaluate', { offer: new FormData(event.target).get('offer') });
  const lines = [`US ${result.utilities.US}, China ${result.utilities.CN}${result.allowed ? '' : ' (breaks a linkage)'}`, ...result.improvements.map((i) => `better for both: ${i.point.outcome} (US ${i.point.utilities.US}, China ${i.point.utilities.CN})`)];
  $('#offer-result').replaceChildren(...lines.map((l) => { const p = document.createElement('p'); p.textContent = l; return p; }));
});

// Navigation
const loaders = { duty: scenarios, tracker: () => { track(); reported(); }, agreements, cases, negotiation };
async function scenarios() {
  const names = await json('/api/scenarios');
  $('#duty-scenario').replaceChildren(new Option('record', ''), ...names.map((n) => new Option(n, n)));
}
function show(page) {
  document.querySelectorAll('.page').forEach((p) => p.classList.toggle('active', p.id === `page-${page}`));
  document.querySelectorAll('nav a').forEach((a) => a.classList.toggle('active', a.dataset.page === page));
  $('#page-error').textContent = '';
  delete document.body.dataset.error;
  // A page that needs a key says so in words rather than showing an empty chart.
  loaders[page]?.().catch((error) => { document.body.dataset.error = error.message; $('#page-error').textContent = error.message; console.error(error); });
}
window.addEventListener('hashchange', () => show(location.hash.slice(1)));
show(location.hash.slice(1) || 'duty');
