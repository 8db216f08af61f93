/*
 * LogFlow dashboard page: plain JavaScript, no build step, no framework.
 *
 * Security rule for this file: every string that comes from the API (service names, paths, error
 * messages, log templates and examples, alert summaries and evidence, Kafka error texts) goes into the DOM through text nodes or attribute setters, never
 * through innerHTML. The el() helper below is the only way this file builds elements.
 */
(function () {
  'use strict';

  // Okabe–Ito palette: distinguishable with the common colour-vision deficiencies. Series are
  // also told apart by dash pattern and legend labels, never by colour alone.
  var C = {
    black: '#000000',
    orange: '#E69F00',
    sky: '#56B4E9',
    green: '#009E73',
    yellow: '#F0E442',
    blue: '#0072B2',
    vermillion: '#D55E00',
    purple: '#CC79A7',
    grey: '#8C8C8C'
  };
  var LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'];
  var LEVEL_COLORS = {
    TRACE: C.grey,
    DEBUG: C.sky,
    INFO: C.blue,
    WARN: C.orange,
    ERROR: C.vermillion,
    FATAL: C.black
  };
  var RANGES = ['15m', '1h', '6h'];
  var POLL_MS = 10000;
  var DEBOUNCE_MS = 1000;

  var params = new URLSearchParams(window.location.search);

  var state = {
    range: RANGES.indexOf(params.get('range')) >= 0 ? params.get('range') : '15m',
    window: null,
    windows: [],
    route: { view: 'overview' },
    status: null,
    statusAt: 0,
    rows: new Map(), // service -> {tr, cells, charts}
    detailCharts: {},
    levelRaw: { current: [] },
    detailService: null,
    alertKeys: {}, // list id -> JSON of the alerts it shows
    refreshing: false,
    refreshAgain: false,
    lastRefresh: 0,
    refreshTimer: null,
    pollTimer: null,
    events: null
  };

  // ---------------------------------------------------------------------------------------------
  // DOM helpers: text only.

  /** Creates an element; attrs are set with setAttribute, children are nodes or plain text. */
  function el(tag, attrs) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        node.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) appendOne(node, arguments[i]);
    return node;
  }

  /** Appends each further argument: nodes as they are, arrays flattened, anything else as text. */
  function append(parent) {
    for (var i = 1; i < arguments.length; i++) appendOne(parent, arguments[i]);
  }

  function appendOne(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach(function (c) { appendOne(parent, c); });
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }

  function clear(node) {
    while (node.firstChild) node.removeChild(node.firstChild);
  }

  function setText(node, text) {
    node.textContent = text === null || text === undefined ? '' : String(text);
  }

  function $(id) {
    return document.getElementById(id);
  }

  function show(node, visible) {
    node.hidden = !visible;
  }

  // ---------------------------------------------------------------------------------------------
  // Formatting.

  function fmtRate(v) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    if (v >= 1000) return (v / 1000).toFixed(1) + 'k';
    if (v >= 100) return v.toFixed(0);
    if (v >= 10) return v.toFixed(1);
    return v.toFixed(2);
  }

  function fmtPct(v) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    var p = v * 100;
    return (p >= 10 ? p.toFixed(1) : p.toFixed(2)) + ' %';
  }

  function fmtMs(v) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    if (v >= 10000) return (v / 1000).toFixed(1) + ' s';
    return (v >= 100 ? v.toFixed(0) : v.toFixed(1)) + ' ms';
  }

  function fmtTime(iso) {
    if (!iso) return '–';
    var d = new Date(iso);
    if (isNaN(d.getTime())) return String(iso);
    return d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
  }

  function fmtAge(seconds) {
    if (seconds === null || seconds === undefined || isNaN(seconds)) return '–';
    var s = Math.max(0, Math.round(seconds));
    if (s < 90) return s + ' s';
    if (s < 5400) return Math.round(s / 60) + ' min';
    return (s / 3600).toFixed(1) + ' h';
  }

  /** Error-rate severity, shown as a word and a symbol as well as a colour. */
  function errorLevel(rate) {
    if (rate === null || rate === undefined) return { cls: 'ok', mark: '', word: '' };
    if (rate >= 0.05) return { cls: 'bad', mark: '▲', word: 'high' };
    if (rate >= 0.01) return { cls: 'warn', mark: '△', word: 'elevated' };
    return { cls: 'ok', mark: '', word: '' };
  }

  // ---------------------------------------------------------------------------------------------
  // API.

  function apiUrl(path, query) {
    var q = new URLSearchParams();
    if (query) {
      Object.keys(query).forEach(function (k) {
        if (query[k] !== null && query[k] !== undefined) q.set(k, query[k]);
      });
    }
    var s = q.toString();
    return path + (s ? '?' + s : '');
  }

  function ApiError(status, message) {
    this.status = status;
    this.message = message;
  }

  function api(path, query) {
    var headers = { Accept: 'application/json' };
    return fetch(apiUrl(path, query), { headers: headers, cache: 'no-store' }).then(
      function (res) {
        return res.text().then(function (body) {
          var json = null;
          try {
            json = body ? JSON.parse(body) : null;
          } catch (e) {
            json = null;
          }
          if (!res.ok) {
            var msg = json && json.error ? json.error : 'HTTP ' + res.status;
            throw new ApiError(res.status, msg);
          }
          return json;
        });
      },
      function (err) {
        throw new ApiError(0, 'Cannot reach the dashboard server (' + err.message + ')');
      }
    );
  }

  function windowQuery(extra) {
    var q = extra || {};
    if (state.window) q.window = state.window;
    return q;
  }

  // ---------------------------------------------------------------------------------------------
  // Charts (uPlot). Containers carry data-points = number of x values drawn, for tests.

  function chartWidth(container, fallback) {
    var w = container.clientWidth;
    return w > 50 ? w : fallback;
  }

  /** Draws markers when a series has too few points to show as a line (one window, say). */
  function fewPoints(u) {
    return u.data[0].length <= 3;
  }

  /** Keeps a lone point in the middle of a minute instead of a range spanning years. */
  function xRange(u, min, max) {
    // uPlot widens a single x value itself (by 1000 days on a seconds time scale): undo that.
    var xs = u.data && u.data[0];
    if (xs && xs.length === 1) return [xs[0] - 60, xs[0] + 60];
    if (min === null || max === null) return [0, 1];
    return min === max ? [min - 60, max + 60] : [min, max];
  }

  /** The value at the cursor, or the latest one while the cursor is off the chart. */
  function legendValue(fmt) {
    return function (u, v, si, idx) {
      if (idx === null || idx === undefined) {
        var d = u.data[si];
        v = d && d.length ? d[d.length - 1] : null;
      }
      return v === null || v === undefined ? '–' : fmt(v);
    };
  }

  function sparkOptions(color, width, fill) {
    return {
      width: width,
      height: 30,
      pxAlign: false,
      cursor: { show: false },
      select: { show: false },
      legend: { show: false },
      scales: { x: { time: false, range: xRange } },
      axes: [{ show: false }, { show: false }],
      series: [
        {},
        {
          stroke: color,
          width: 1.5,
          fill: fill,
          spanGaps: true,
          points: { show: fewPoints, size: 5 }
        }
      ]
    };
  }

  function numOrNull(v) {
    return v === null || v === undefined ? null : Number(v);
  }

  function arr(a, n) {
    var out = new Array(n);
    for (var i = 0; i < n; i++) out[i] = a && i < a.length ? numOrNull(a[i]) : null;
    return out;
  }

  function setPoints(container, n) {
    container.setAttribute('data-points', String(n));
  }

  /** Creates or updates the chart in container; build(width) returns uPlot options. */
  function drawChart(holder, key, container, data, build, fallbackWidth) {
    var chart = holder[key];
    if (chart && chart.root.parentNode === container) {
      chart.setData(data);
    } else {
      if (chart) chart.destroy();
      clear(container);
      chart = new uPlot(build(chartWidth(container, fallbackWidth)), data, container);
      holder[key] = chart;
    }
    setPoints(container, data[0].length);
    return chart;
  }

  var axisFont = '11px system-ui, sans-serif';

  function baseAxes(yFormat, ySize) {
    return [
      {
        font: axisFont,
        stroke: '#444',
        space: 64,
        grid: { stroke: '#eee' },
        ticks: { stroke: '#ddd' },
        // Plain local clock times; uPlot's default adds a second, overlapping date row.
        values: function (u, splits) {
          var span = splits.length > 1 ? splits[splits.length - 1] - splits[0] : 0;
          return splits.map(function (t) {
            var d = new Date(t * 1000);
            var o = { hour: '2-digit', minute: '2-digit', hour12: false };
            if (span < 600) o.second = '2-digit';
            return d.toLocaleTimeString([], o);
          });
        }
      },
      {
        font: axisFont,
        stroke: '#444',
        size: ySize || 56,
        grid: { stroke: '#eee' },
        ticks: { stroke: '#ddd' },
        values: function (u, vals) {
          return vals.map(yFormat);
        }
      }
    ];
  }

  function detailOptions(width, series, yFormat, extra) {
    var o = {
      width: width,
      height: 200,
      cursor: { drag: { x: false, y: false } },
      scales: {
        x: { time: true, range: xRange },
        y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } }
      },
      axes: baseAxes(yFormat),
      series: [{ label: 'Window', value: xLegend }].concat(series)
    };
    if (extra) Object.keys(extra).forEach(function (k) { o[k] = extra[k]; });
    return o;
  }

  function xLegend(u, v, si, idx) {
    var latest = idx === null || idx === undefined;
    var d = u.data[0];
    var t = latest ? (d.length ? d[d.length - 1] : null) : v;
    if (t === null || t === undefined) return '–';
    return (latest ? 'latest ' : '') + fmtTime(new Date(t * 1000).toISOString());
  }

  function line(label, color, fmt, dash) {
    return {
      label: label,
      stroke: color,
      width: 2,
      dash: dash,
      spanGaps: false,
      points: { size: 5 },
      value: legendValue(fmt)
    };
  }

  function compactNum(v) {
    if (v === null || v === undefined) return '';
    if (Math.abs(v) >= 1000) return (v / 1000).toFixed(v >= 10000 ? 0 : 1) + 'k';
    return String(Math.round(v * 100) / 100);
  }

  function resizeAll(charts) {
    Object.keys(charts).forEach(function (k) {
      var chart = charts[k];
      var container = chart.root.parentNode;
      if (container && container.clientWidth > 50 && container.clientWidth !== chart.width) {
        chart.setSize({ width: container.clientWidth, height: chart.height });
      }
    });
  }

  function resizeCharts() {
    resizeAll(state.detailCharts);
    state.rows.forEach(function (row) { resizeAll(row.charts); });
  }

  // ---------------------------------------------------------------------------------------------
  // Status: freshness, Kafka banner, live indicator.

  function renderStatus(status) {
    if (!status) return;
    state.status = status;
    state.statusAt = Date.now();
    var kafka = status.kafka || {};
    var banner = $('kafka-banner');
    var connecting = kafka.state === 'connecting';
    if (connecting) {
      // The consumer's first probe has not answered yet: say so, without crying outage.
      clear(banner);
      append(banner, 'Connecting to Kafka at ', el('code', null, kafka.bootstrap || '?'), '…');
      banner.setAttribute('data-connected', 'connecting');
      banner.className = 'banner banner-info';
      show(banner, true);
    } else if (kafka.connected === false) {
      clear(banner);
      banner.className = 'banner banner-error';
      append(
        banner,
        el('strong', null, 'Kafka is unreachable.'),
        ' Cannot read ',
        el('code', null, kafka.topic || 'log-metrics'),
        ' from ',
        el('code', null, kafka.bootstrap || '?'),
        kafka.error ? ': ' : '',
        kafka.error ? el('span', { class: 'kafka-error' }, kafka.error) : '',
        status.lastResultAt ? '. Charts show the last results received.' : '.'
      );
      banner.setAttribute('data-connected', 'false');
      show(banner, true);
    } else {
      banner.setAttribute('data-connected', 'true');
      show(banner, false);
    }
    renderRegistry(status.registry || {});
    renderDeadLetters(status.deadLetters || {});
    updateWindows(status.windows || []);
    renderFreshness();
    var detail = $('empty-detail');
    setText(
      detail,
      'Reading ' + (kafka.topic || 'log-metrics') + ' from ' + (kafka.bootstrap || '?') +
        (kafka.connected === false ? ' — not connected.' : '. Results appear when the first event-time window closes.')
    );
  }

  function renderRegistry(registry) {
    var banner = $('registry-banner');
    clear(banner);
    if (registry.state !== 'down') {
      show(banner, false);
      return;
    }
    append(banner, el('strong', null, 'Schema registry unreachable.'), ' ',
      el('span', { class: 'registry-error' }, registry.error || ''));
    show(banner, true);
  }

  // Loud when most records are dead letters (the wrong topic or registry); a note for a few.
  function renderDeadLetters(d) {
    var banner = $('dlq-banner');
    clear(banner);
    var reasons = d.reasons || [];
    if (!d.count || d.ratio === null || d.ratio === undefined || d.ratio < 0.01) {
      show(banner, false);
      banner.removeAttribute('data-level');
      return;
    }
    var all = d.ratio >= 0.5;
    banner.className = 'banner ' + (all ? 'banner-error' : 'banner-warn');
    banner.setAttribute('data-level', all ? 'error' : 'warn');
    var minutes = Math.round((d.spanSeconds || 300) / 60);
    append(
      banner,
      el('strong', null, all ? 'Most records are dead letters.' : 'Dead letters.'),
      ' ' + d.count + ' in the last ' + minutes + ' min (' + fmtPct(d.ratio) + ' of records)',
      reasons.length ? ', mostly ' : '',
      reasons.length ? el('code', null, reasons[0].reason) : '',
      reasons.length && reasons[0].example ? ': ' : '',
      reasons.length && reasons[0].example
        ? el('span', { class: 'dlq-example' }, reasons[0].example) : '',
      all ? '. Is the job reading the topic your producers write, with their registry?' : '.'
    );
    show(banner, true);
    // Dead letters age out of the span without any event to say so: look again later.
    if (!state.deadLetterTimer) {
      state.deadLetterTimer = setTimeout(function () {
        state.deadLetterTimer = null;
        scheduleRefresh();
      }, 30000);
    }
  }

  function renderFreshness() {
    var node = $('freshness');
    var s = state.status;
    if (!s) return;
    var elapsed = (Date.now() - state.statusAt) / 1000;
    if (!s.lastResultAt) {
      setText(node, 'No window results yet');
      node.setAttribute('data-state', 'empty');
      return;
    }
    var received = (Date.now() - new Date(s.lastResultAt).getTime()) / 1000;
    var lag = s.watermarkLagSeconds === null || s.watermarkLagSeconds === undefined
      ? null
      : s.watermarkLagSeconds + elapsed;
    var stale = received > 120;
    node.setAttribute('data-state', stale ? 'stale' : 'fresh');
    setText(
      node,
      (stale ? '⚠ Stale · ' : '') +
        'Latest window ends ' + fmtTime(s.latestWindowEnd) +
        ' · received ' + fmtAge(received) + ' ago' +
        ' · watermark lag ' + fmtAge(lag)
    );
    node.setAttribute(
      'title',
      'Last result received at ' + s.lastResultAt + '; newest window ends at ' + (s.latestWindowEnd || '–')
    );
  }

  function setLive(mode) {
    var node = $('live');
    node.setAttribute('data-state', mode);
    setText(node, mode === 'live' ? '● live' : mode === 'polling' ? '○ polling every 10 s' : 'connecting');
  }

  function showError(err) {
    var banner = $('error-banner');
    if (!err) {
      show(banner, false);
      return;
    }
    clear(banner);
    if (err.status === 401 || err.status === 403) {
      append(banner, el('strong', null, 'Access denied. '), err.message,
        ' — open the dashboard with ?token=<access token> in its URL.');
    } else {
      append(banner, el('strong', null, 'Dashboard server error. '), err.message);
    }
    show(banner, true);
  }

  function updateWindows(windows) {
    var same = windows.length === state.windows.length &&
      windows.every(function (w, i) { return w === state.windows[i]; });
    if (same) return;
    state.windows = windows.slice();
    var select = $('window');
    clear(select);
    windows.forEach(function (w) {
      var opt = el('option', { value: w }, w);
      select.appendChild(opt);
    });
    if (state.window && windows.indexOf(state.window) < 0) state.window = null;
    select.value = state.window || windows[0] || '';
    show($('window-picker'), windows.length > 1);
  }

  // ---------------------------------------------------------------------------------------------
  // Overview.

  function metricCell(cls) {
    var value = el('span', { class: 'value' });
    var mark = el('span', { class: 'mark', 'aria-hidden': 'true' });
    var spark = el('div', { class: 'spark ' + cls, 'data-points': '0' });
    var td = el('td', { class: 'metric ' + cls }, el('div', { class: 'metric-inner' }, el('span', { class: 'figure' }, mark, value), spark));
    return { td: td, value: value, mark: mark, spark: spark };
  }

  function serviceHref(service) {
    return '#/service/' + encodeURIComponent(service);
  }

  function createRow(service) {
    var link = el('a', { href: serviceHref(service), class: 'service-link' }, service);
    var cells = {
      events: metricCell('events'),
      errors: metricCell('errors'),
      p95: metricCell('p95'),
      last: el('td', { class: 'last' })
    };
    var tr = el('tr', { 'data-service': service, tabindex: '0', class: 'service-row' },
      el('th', { scope: 'row', class: 'service' }, link),
      cells.events.td, cells.errors.td, cells.p95.td, cells.last);
    tr.addEventListener('click', function (e) {
      if (e.target.closest('a')) return; // the link navigates on its own
      window.location.hash = serviceHref(service);
    });
    tr.addEventListener('keydown', function (e) {
      if (e.key === 'Enter') window.location.hash = serviceHref(service);
    });
    return { tr: tr, cells: cells, charts: {} };
  }

  function updateRow(row, s) {
    var spark = s.spark || { t: [] };
    var t = arr(spark.t, (spark.t || []).length);
    var n = t.length;

    setText(row.cells.events.value, fmtRate(s.eventsPerSec));
    var level = errorLevel(s.errorRate);
    setText(row.cells.errors.value, fmtPct(s.errorRate));
    setText(row.cells.errors.mark, level.mark);
    row.cells.errors.td.setAttribute('data-level', level.cls);
    row.cells.errors.td.setAttribute('title', level.word ? 'Error rate ' + level.word : 'Error rate');
    setText(row.cells.p95.value, fmtMs(s.p95));
    setText(row.cells.last, fmtTime(s.lastWindowStart));
    row.tr.setAttribute('data-events-per-sec', String(s.eventsPerSec));

    drawChart(row.charts, 'events', row.cells.events.spark, [t, arr(spark.eventsPerSec, n)],
      function (w) { return sparkOptions(C.blue, w, 'rgba(0,114,178,0.12)'); }, 110);
    drawChart(row.charts, 'errors', row.cells.errors.spark, [t, arr(spark.errorRate, n)],
      function (w) { return sparkOptions(C.vermillion, w, 'rgba(213,94,0,0.12)'); }, 110);
    drawChart(row.charts, 'p95', row.cells.p95.spark, [t, arr(spark.p95, n)],
      function (w) { return sparkOptions(C.orange, w, 'rgba(230,159,0,0.15)'); }, 110);
  }

  function renderOverview(data) {
    renderStatus(data.status);
    var services = data.services || [];
    var table = $('services');
    var tbody = table.tBodies[0];
    show($('empty-state'), services.length === 0);
    show(table, services.length > 0);
    var seen = new Set();
    services.forEach(function (s) {
      seen.add(s.service);
      var row = state.rows.get(s.service);
      if (!row) {
        row = createRow(s.service);
        state.rows.set(s.service, row);
      }
      tbody.appendChild(row.tr); // (re)appending keeps the server's order
      updateRow(row, s);
    });
    state.rows.forEach(function (row, service) {
      if (!seen.has(service)) {
        Object.keys(row.charts).forEach(function (k) { row.charts[k].destroy(); });
        row.tr.remove();
        state.rows.delete(service);
      }
    });
    $('overview').setAttribute('data-services', String(services.length));
  }

  // ---------------------------------------------------------------------------------------------
  // Alerts: firing ones first, each marked by a word and a symbol as well as a colour.

  var KIND_LABELS = {
    ERROR_RATE_SPIKE: 'Error-rate spike',
    LATENCY_REGRESSION: 'Latency regression',
    SILENCE: 'Silence',
    NEW_ERROR_TEMPLATE: 'New error template'
  };

  function fmtCount(v) {
    if (v === null || v === undefined || isNaN(v)) return '–';
    return Number(v).toLocaleString([], { maximumFractionDigits: 1 });
  }

  /** The unit of an alert's value, by its kind. */
  function alertFormat(kind) {
    if (kind === 'ERROR_RATE_SPIKE') return fmtPct;
    if (kind === 'LATENCY_REGRESSION') return fmtMs;
    return fmtCount;
  }

  /** "value 25.0 % vs baseline 1.0 % (threshold 5.0 %)", leaving out what the alert lacks. */
  function alertNumbers(a) {
    var fmt = alertFormat(a.kind);
    var parts = [];
    if (a.value !== null && a.value !== undefined) parts.push('value ' + fmt(a.value));
    if (a.baseline !== null && a.baseline !== undefined) parts.push('vs baseline ' + fmt(a.baseline));
    var s = parts.join(' ');
    if (a.threshold !== null && a.threshold !== undefined) s += (s ? ' ' : '') + '(threshold ' + fmt(a.threshold) + ')';
    return s;
  }

  function alertTimes(a) {
    if (a.state === 'FIRING') {
      return a.since
        ? 'since ' + fmtTime(a.since) + ' · firing for ' + fmtAge(a.durationSeconds)
        : 'firing since before the look-back';
    }
    var span = a.since ? fmtTime(a.since) + '–' + fmtTime(a.resolvedAt) : 'resolved ' + fmtTime(a.resolvedAt);
    return span + (a.durationSeconds === null || a.durationSeconds === undefined ? '' : ' · lasted ' + fmtAge(a.durationSeconds));
  }

  function alertEvidence(a) {
    var ev = a.evidence || {};
    return Object.keys(ev).map(function (k) { return k + ': ' + ev[k]; }).join('\n');
  }

  /** Evidence and the deciding window's top paths and errors, one line each, or null. */
  function alertDetails(a) {
    var lines = [];
    var ev = a.evidence || {};
    var keys = Object.keys(ev);
    if (keys.length) lines.push(keys.map(function (k) { return k + ': ' + ev[k]; }).join(' · '));
    var items = function (label, list) {
      if (list && list.length) {
        lines.push(label + list.map(function (it) { return it.item + ' (' + fmtCount(it.count) + ')'; }).join(' · '));
      }
    };
    items('Top paths: ', a.topPaths);
    items('Top errors: ', a.topErrors);
    if (!lines.length) return null;
    return el('div', { class: 'alert-evidence' }, lines.map(function (l) { return el('div', null, l); }));
  }

  /** One alert as a list item; withService adds the service name and a link to its detail. */
  function alertItem(a, withService) {
    var firing = a.state === 'FIRING';
    var badge = el('span', { class: 'alert-state' }, firing ? '▲ FIRING' : '✓ RESOLVED');
    var head = el('div', { class: 'alert-head' }, badge,
      withService ? el('a', { class: 'alert-service', href: serviceHref(a.service) }, a.service) : null,
      el('span', { class: 'alert-kind' }, KIND_LABELS[a.kind] || a.kind),
      el('span', { class: 'alert-time' }, alertTimes(a)));
    var li = el('li', {
      class: 'alert',
      'data-alert-id': a.alertId,
      'data-state': firing ? 'firing' : 'resolved',
      'data-service': a.service,
      title: alertEvidence(a) || null
    }, head,
      el('div', { class: 'alert-summary' }, a.summary),
      el('div', { class: 'alert-numbers' }, alertNumbers(a)),
      // The service's own list has room for the evidence; the overview keeps it in the tooltip.
      withService ? null : alertDetails(a));
    if (withService) {
      li.addEventListener('click', function (e) {
        if (e.target.closest('a')) return;
        window.location.hash = serviceHref(a.service);
      });
    }
    return li;
  }

  function renderAlertList(listId, emptyId, alerts, withService) {
    var list = $(listId);
    alerts = Array.isArray(alerts) ? alerts : [];
    var firing = alerts.filter(function (a) { return a.state === 'FIRING'; }).length;
    // Unchanged alerts keep their elements, so a refresh does not snatch them from the pointer.
    var key = JSON.stringify(alerts);
    if (state.alertKeys[listId] === key) return firing;
    state.alertKeys[listId] = key;
    clear(list);
    alerts.forEach(function (a) { list.appendChild(alertItem(a, withService)); });
    show(list, alerts.length > 0);
    show($(emptyId), alerts.length === 0);
    list.setAttribute('data-firing', String(firing));
    return firing;
  }

  function renderAlerts(alerts) {
    var firing = renderAlertList('alerts-list', 'alerts-empty', alerts, true);
    var count = $('alerts-count');
    setText(count, firing > 0 ? '▲ ' + firing + ' firing' : '');
    count.setAttribute('data-firing', String(firing));
  }

  function refreshOverview() {
    return Promise.all([
      api('/api/overview', windowQuery({ range: state.range })).then(renderOverview),
      api('/api/alerts').then(renderAlerts, function () { renderAlerts([]); })
    ]);
  }

  // ---------------------------------------------------------------------------------------------
  // Service detail.

  function stacked(levels, n) {
    var raw = LEVELS.map(function (l) { return arr(levels && levels[l], n); });
    var acc = new Array(n).fill(0);
    var cum = raw.map(function (r) {
      return r.map(function (v, i) { acc[i] += v || 0; return acc[i]; });
    });
    return { raw: raw, cum: cum };
  }

  function levelsOptions(width, raw) {
    var series = LEVELS.map(function (l, i) {
      return {
        label: l,
        stroke: LEVEL_COLORS[l],
        fill: LEVEL_COLORS[l] + 'B3',
        width: 1,
        points: { show: fewPoints, size: 5 },
        // The legend shows the level's own rate, not the stacked sum drawn.
        value: function (u, v, si, idx) {
          var r = raw.current[i] || [];
          var at = idx === null || idx === undefined ? r.length - 1 : idx;
          return at < 0 || r[at] === null || r[at] === undefined ? '–' : fmtRate(r[at]);
        }
      };
    });
    // Each band fills between a level's stacked line and the one below it.
    var bands = [];
    for (var i = 2; i <= LEVELS.length; i++) bands.push({ series: [i, i - 1] });
    return detailOptions(width, series, compactNum, { bands: bands });
  }

  function renderDetail(service, data) {
    var detail = $('detail');
    var n = (data.t || []).length;
    var t = arr(data.t, n);
    var charts = state.detailCharts;

    var st = stacked(data.levels, n);
    state.levelRaw.current = st.raw; // read by the legend of the stacked chart
    drawChart(charts, 'levels', $('chart-levels'), [t].concat(st.cum),
      function (w) { return levelsOptions(w, state.levelRaw); }, 900);

    drawChart(charts, 'errorRate', $('chart-error-rate'), [t, arr(data.errorRate, n)],
      function (w) {
        return detailOptions(w, [line('Error rate', C.vermillion, fmtPct)], function (v) {
          return (v * 100).toFixed(v < 0.1 ? 1 : 0) + '%';
        });
      }, 440);
    drawChart(charts, 'latency', $('chart-latency'),
      [t, arr(data.p50, n), arr(data.p95, n), arr(data.p99, n)],
      function (w) {
        return detailOptions(w, [
          line('p50', C.green, fmtMs),
          line('p95', C.orange, fmtMs, [8, 4]),
          line('p99', C.vermillion, fmtMs, [2, 3])
        ], compactNum);
      }, 440);
    drawChart(charts, 'http', $('chart-http'), [t, arr(data.rate4xx, n), arr(data.rate5xx, n)],
      function (w) {
        return detailOptions(w, [
          line('4xx/s', C.orange, fmtRate, [8, 4]),
          line('5xx/s', C.vermillion, fmtRate)
        ], compactNum);
      }, 440);
    drawChart(charts, 'clients', $('chart-clients'), [t, arr(data.distinctClients, n)],
      function (w) {
        return detailOptions(w, [line('Distinct clients', C.green, compactNum)], compactNum);
      }, 440);

    var last = n - 1;
    setText(
      $('detail-summary'),
      n === 0
        ? 'No windows in the selected range yet.'
        : 'Window ' + (data.window || '') + ' · latest: ' + fmtRate(data.eventsPerSec[last]) +
            ' events/s, error rate ' + fmtPct(data.errorRate[last]) + ', p95 ' + fmtMs(data.p95 && data.p95[last])
    );
    detail.setAttribute('data-points', String(n));
  }

  function renderTop(tableId, items, emptyText, templates) {
    var tbody = $(tableId).tBodies[0];
    clear(tbody);
    items = items || [];
    if (items.length === 0) {
      tbody.appendChild(el('tr', { class: 'empty' }, el('td', { colspan: '2', class: 'muted' }, emptyText)));
    }
    var value = function (it) { return (templates ? it.errorCount : it.count) || 0; };
    var max = items.reduce(function (m, it) { return Math.max(m, value(it)); }, 0);
    items.forEach(function (it) {
      var share = max > 0 ? Math.round((100 * value(it)) / max) : 0;
      var bar = el('span', { class: 'bar', 'aria-hidden': 'true' });
      bar.style.width = share + '%';
      var cell = templates
        ? el('td', { class: 'item-text', title: templateTitle(it) },
            el('span', { class: 'item-label' }, it.item),
            it['new'] ? el('span', { class: 'badge-new' }, '★ new') : null,
            it.example ? el('span', { class: 'item-example' }, it.example) : null,
            bar)
        : el('td', { class: 'item-text', title: it.item }, el('span', { class: 'item-label' }, it.item), bar);
      tbody.appendChild(
        el('tr', { class: 'item', 'data-template-id': templates ? it.templateId : null },
          cell, el('td', { class: 'num' }, value(it).toLocaleString()))
      );
    });
    $(tableId).setAttribute('data-rows', String(items.length));
  }

  function templateTitle(it) {
    return 'Example: ' + (it.example || '–') +
      '\nFirst seen ' + fmtTime(it.firstSeen) +
      '\n' + (it.errorCount || 0).toLocaleString() + ' errors of ' + (it.count || 0).toLocaleString() + ' lines in the range';
  }

  function renderTops(data) {
    var templates = data.errorsFrom === 'templates';
    renderTop('top-paths', data.topPaths, 'No HTTP requests in the latest window.');
    renderTop('top-errors', data.topErrors,
      templates ? 'No error templates in the selected range.' : 'No errors in the latest window.', templates);
    $('top-errors').setAttribute('data-from', templates ? 'templates' : 'messages');
    setText($('top-errors-title'), templates ? 'Top error templates' : 'Top error messages');
    setText($('top-errors-first'), templates ? 'Template' : 'Message');
    setText($('top-errors-count'), templates ? 'Errors' : 'Count');
    setText(
      $('top-window'),
      (data.windowStart
        ? 'Top paths from the latest window, ' + fmtTime(data.windowStart) + '–' + fmtTime(data.windowEnd) + '. '
        : '') +
        (templates
          ? 'Error templates over the selected range (' + (data.range || state.range) + '); <*> marks a variable part.'
          : data.windowStart ? 'Error messages from the latest window.' : '')
    );
  }

  function destroyDetailCharts() {
    Object.keys(state.detailCharts).forEach(function (k) {
      var c = state.detailCharts[k];
      if (c && typeof c.destroy === 'function') c.destroy();
    });
    state.detailCharts = {};
    ['chart-levels', 'chart-error-rate', 'chart-latency', 'chart-http', 'chart-clients'].forEach(
      function (id) { clear($(id)); setPoints($(id), 0); }
    );
  }

  function enterDetail(service) {
    var detail = $('detail');
    if (state.detailService !== service) {
      destroyDetailCharts();
      renderTop('top-paths', [], 'Loading…');
      renderTop('top-errors', [], 'Loading…');
      renderAlertList('detail-alerts-list', 'detail-alerts-empty', [], false);
      setText($('detail-summary'), '');
      setText($('top-window'), '');
      state.detailService = service;
    }
    detail.setAttribute('data-service', service);
    setText($('detail-title'), service);
    setText($('nav-service'), service);
    show($('nav-service'), true);
    document.title = service + ' · LogFlow dashboard';
  }

  function refreshDetail(service) {
    var path = '/api/services/' + encodeURIComponent(service);
    return Promise.all([
      api(path + '/series', windowQuery({ range: state.range })),
      api(path + '/top', windowQuery({ range: state.range })),
      api('/api/status').then(renderStatus, function () {}),
      api('/api/alerts', { service: service }).then(null, function () { return []; })
    ]).then(
      function (res) {
        if (state.route.view !== 'detail' || state.route.service !== service) return;
        show($('detail-error'), false);
        renderDetail(service, res[0]);
        renderTops(res[1]);
        renderAlertList('detail-alerts-list', 'detail-alerts-empty', res[3], false);
      },
      function (err) {
        if (err && err.status === 404) {
          var box = $('detail-error');
          setText(box, err.message);
          show(box, true);
          return;
        }
        throw err;
      }
    );
  }

  // ---------------------------------------------------------------------------------------------
  // Routing and refresh scheduling.

  function parseRoute() {
    var m = /^#\/service\/(.+)$/.exec(window.location.hash);
    if (m) {
      try {
        return { view: 'detail', service: decodeURIComponent(m[1]) };
      } catch (e) {
        return { view: 'overview' };
      }
    }
    return { view: 'overview' };
  }

  function onRoute() {
    state.route = parseRoute();
    var detail = state.route.view === 'detail';
    show($('overview'), !detail);
    show($('detail'), detail);
    if (detail) {
      enterDetail(state.route.service);
    } else {
      state.detailService = null;
      destroyDetailCharts();
      $('detail').removeAttribute('data-service');
      show($('nav-service'), false);
      document.title = 'LogFlow dashboard';
    }
    refreshNow();
    window.scrollTo(0, 0);
  }

  function refreshNow() {
    if (state.refreshing) {
      state.refreshAgain = true;
      return;
    }
    state.refreshing = true;
    state.lastRefresh = Date.now();
    var route = state.route;
    var p = route.view === 'detail' ? refreshDetail(route.service) : refreshOverview();
    p.then(
      function () { showError(null); },
      function (err) { showError(err instanceof ApiError ? err : new ApiError(0, String(err && err.message || err))); }
    ).then(function () {
      state.refreshing = false;
      document.body.setAttribute('data-loaded', 'true');
      if (state.refreshAgain) {
        state.refreshAgain = false;
        scheduleRefresh();
      }
    });
  }

  /** At most one refresh per DEBOUNCE_MS, however many updates arrive. */
  function scheduleRefresh() {
    if (state.refreshTimer) return;
    var wait = Math.max(0, DEBOUNCE_MS - (Date.now() - state.lastRefresh));
    state.refreshTimer = setTimeout(function () {
      state.refreshTimer = null;
      refreshNow();
    }, wait);
  }

  function startPolling() {
    setLive('polling');
    if (!state.pollTimer) state.pollTimer = setInterval(scheduleRefresh, POLL_MS);
  }

  function stopPolling() {
    if (state.pollTimer) clearInterval(state.pollTimer);
    state.pollTimer = null;
  }

  function connectEvents() {
    if (!window.EventSource) {
      startPolling();
      return;
    }
    var es = new EventSource(apiUrl('/api/events'));
    state.events = es;
    es.addEventListener('open', function () {
      stopPolling();
      setLive('live');
      scheduleRefresh(); // catch up on anything missed while disconnected
    });
    es.addEventListener('update', function () { scheduleRefresh(); });
    es.addEventListener('alert', function () { scheduleRefresh(); });
    es.addEventListener('patterns', function () { scheduleRefresh(); });
    es.addEventListener('status', function (e) {
      try {
        renderStatus(JSON.parse(e.data));
      } catch (err) {
        scheduleRefresh();
      }
    });
    // EventSource reconnects by itself; poll until it does.
    es.addEventListener('error', function () { startPolling(); });
  }

  function setRange(range) {
    state.range = range;
    Array.prototype.forEach.call(document.querySelectorAll('#range button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-range') === range ? 'true' : 'false');
    });
    $('range').setAttribute('data-range', range);
    refreshNow();
  }

  function init() {
    if (typeof uPlot === 'undefined') {
      showError(new ApiError(0, 'The chart library (uPlot) did not load.'));
    }
    Array.prototype.forEach.call(document.querySelectorAll('#range button'), function (b) {
      b.addEventListener('click', function () { setRange(b.getAttribute('data-range')); });
    });
    $('range').setAttribute('data-range', state.range);
    Array.prototype.forEach.call(document.querySelectorAll('#range button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-range') === state.range ? 'true' : 'false');
    });
    $('window').addEventListener('change', function (e) {
      state.window = e.target.value || null;
      destroyDetailCharts();
      state.detailService = null;
      onRoute();
    });
    window.addEventListener('hashchange', onRoute);
    var resizeTimer = null;
    window.addEventListener('resize', function () {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(resizeCharts, 150);
    });
    setInterval(renderFreshness, 1000);
    connectEvents();
    onRoute();
  }

  // Exposed for debugging and tests; holds no data-rendering path of its own.
  window.LogFlowDashboard = { el: el, refresh: refreshNow };

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
