/* turntag report: decodes the packed data, draws the charts with ECharts,
   filters the turns and shows one document at a time. Everything it needs
   is in the page: it makes no network request. */
(function () {
  'use strict';

  // topic colours, by topic index: with the default lexicon (topics by
  // id) the biggest topics (Middle East, Russia, Ukraine, China) get the
  // most distinct ones
  var PALETTE = ['#9c755f', '#ff9da7', '#17becf', '#edc948', '#b07aa1', '#59a14f', '#76b7b2', '#bcbd22',
    '#f28e2b', '#8c8c8c', '#1f3a93', '#e15759', '#9467bd', '#8c564b', '#4e79a7', '#2ca02c', '#d4a6c8', '#86bcb6'];
  var PAGE = 50;          // documents per page of the table
  var TOP_SPEAKERS = 25;  // rows of the heatmap
  var TOP_PER_TOPIC = 5;  // entities per type in the top entities table
  var TIMELINE_SHOWN = 6; // topics shown at first in the timeline (the others are a click away in its legend)
  var ORIGINS = {
    lexicon: 'found in the lexicon',
    ner: 'found by the statistical NER (not in the lexicon)',
    speaker: 'resolved to a person named earlier in the document',
    addressed: 'a person the speaker addresses by name'
  };

  // ---- small helpers ----------------------------------------------------

  function $(sel, root) { return (root || document).querySelector(sel); }

  // h builds an element: h('a', {href: '#x', class: 'y'}, 'text', child, [more]).
  function h(tag, attrs) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'style') e.style.cssText = v;
        else e.setAttribute(k, v === true ? '' : String(v));
      });
    }
    for (var i = 2; i < arguments.length; i++) add(e, arguments[i]);
    return e;
  }
  function add(e, kid) {
    if (kid === null || kid === undefined || kid === false) return;
    if (Array.isArray(kid)) { kid.forEach(function (k) { add(e, k); }); return; }
    e.append(kid instanceof Node ? kid : String(kid));
  }
  function pct(n, of) { return of ? (100 * n / of) : 0; }
  function fmtPct(n, of) { return pct(n, of).toFixed(1) + '%'; }
  function num(n) { return n.toLocaleString('en-GB'); }
  function cut(s, n) { return s.length > n ? s.slice(0, n - 1) + '…' : s; }

  // unpack reads a data block: base64 of gzip-compressed JSON.
  function unpack(id) {
    var b64 = document.getElementById(id).textContent.trim();
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).text().then(JSON.parse);
  }

  // ---- state --------------------------------------------------------------

  var D;            // the summary
  var T;            // D.turns
  var N = 0;        // turns in the corpus
  var F = { topic: -1, speaker: '', country: -1, from: '', to: '', min: 0 };
  var R;            // what the filters let through: see compute
  var ALL;          // the same for no filter, for the codebook and the selects
  var charts = {};
  var docCache = new Map();
  var sortKey = 'date', sortDir = -1, page = 0;
  var timelineMode = 'turns';
  var openDoc = -1;
  var months = [];  // 'YYYY-MM' from the first to the last dated document
  var docMonth;     // per document: index in months, or -1
  var spkLabel = [], spkHay = [];

  function topicColor(k) { return PALETTE[k % PALETTE.length]; }

  // ---- filtering ----------------------------------------------------------

  function filtering() {
    return F.topic >= 0 || F.speaker.trim() !== '' || F.country >= 0 || F.from !== '' || F.to !== '' || F.min > 0;
  }

  // compute runs the filters over every turn and counts what the views
  // show: turns and documents that match, topics (with a score of at least
  // the minimum) by turn, month and speaker, and entities by topic.
  function compute(f) {
    var nT = D.topics.length, nS = D.speakers.length, nD = D.docs.length;
    var nC = D.countries.length, nO = D.orgs.length, nP = D.people.length;
    var minS = Math.round(f.min * 100);
    var q = f.speaker.trim().toLowerCase();
    var spkOK = null;
    if (q) spkOK = spkHay.map(function (s) { return s.indexOf(q) >= 0; });
    var docOK = D.docs.map(function (d) {
      if (!f.from && !f.to) return true;
      if (!d.doc_date) return false;
      return (!f.from || d.doc_date >= f.from) && (!f.to || d.doc_date <= f.to);
    });
    var r = {
      match: new Uint8Array(N), turns: 0, words: 0, docs: 0,
      docTurns: new Int32Array(nD), topicTurns: new Int32Array(nT),
      monthTurns: new Int32Array(months.length), monthTopic: new Int32Array(months.length * nT), undated: 0,
      spkTurns: new Int32Array(nS), spkTopic: new Int32Array(nS * nT),
      topicCountry: new Int32Array(nT * nC), topicOrg: new Int32Array(nT * nO), topicPerson: new Int32Array(nT * nP),
      countryTurns: new Int32Array(nC), speakers: 0
    };
    for (var i = 0; i < N; i++) {
      var d = T.doc[i];
      if (!docOK[d]) continue;
      var s = T.speaker[i];
      if (spkOK && !spkOK[s]) continue;
      var cs = T.countries[i];
      if (f.country >= 0 && cs.indexOf(f.country) < 0) continue;
      var tp = T.topics[i], j, k;
      if (f.topic >= 0) {
        var ok = false;
        for (j = 0; j < tp.length; j += 2) if (tp[j] === f.topic && tp[j + 1] >= minS) ok = true;
        if (!ok) continue;
      }
      r.match[i] = 1;
      r.turns++;
      r.words += T.words[i];
      if (r.docTurns[d]++ === 0) r.docs++;
      if (r.spkTurns[s]++ === 0) r.speakers++;
      var m = docMonth[d];
      if (m >= 0) r.monthTurns[m]++; else r.undated++;
      for (j = 0; j < cs.length; j++) r.countryTurns[cs[j]]++;
      var os = T.orgs[i], ps = T.people[i];
      for (j = 0; j < tp.length; j += 2) {
        if (tp[j + 1] < minS) continue;
        k = tp[j];
        r.topicTurns[k]++;
        if (m >= 0) r.monthTopic[m * nT + k]++;
        r.spkTopic[s * nT + k]++;
        var x;
        for (x = 0; x < cs.length; x++) r.topicCountry[k * nC + cs[x]]++;
        for (x = 0; x < os.length; x++) r.topicOrg[k * nO + os[x]]++;
        for (x = 0; x < ps.length; x++) r.topicPerson[k * nP + ps[x]]++;
      }
    }
    return r;
  }

  // top returns the n indexes with the highest counts in row k of a
  // topic × entity matrix of width w, with their counts.
  function top(matrix, k, w, n) {
    var best = [];
    for (var e = 0; e < w; e++) {
      var c = matrix[k * w + e];
      if (!c) continue;
      if (best.length < n || c > best[best.length - 1][1]) {
        best.push([e, c]);
        best.sort(function (a, b) { return b[1] - a[1] || a[0] - b[0]; });
        if (best.length > n) best.pop();
      }
    }
    return best;
  }

  // topicOrder returns the topics with turns in r, most turns first.
  function topicOrder(r) {
    var ks = [];
    for (var k = 0; k < D.topics.length; k++) if (r.topicTurns[k] > 0) ks.push(k);
    ks.sort(function (a, b) { return r.topicTurns[b] - r.topicTurns[a] || a - b; });
    return ks;
  }

  // ---- charts ---------------------------------------------------------------

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init(document.getElementById(id), null, { renderer: 'svg' });
    return charts[id];
  }

  function noData(c) {
    c.setOption({ title: { text: 'No turn matches the filters', left: 'center', top: 'middle', textStyle: { color: '#5d6878', fontSize: 14, fontWeight: 'normal' } } }, true);
  }

  function drawTopics() {
    var c = chart('chart-topics');
    var ks = topicOrder(R);
    if (!ks.length) return noData(c);
    c.setOption({
      animation: false,
      grid: { left: 8, right: 56, top: 8, bottom: 24, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: ks.map(function (k) { return D.topics[k].label; }), axisLabel: { width: 190, overflow: 'truncate' } },
      tooltip: {
        trigger: 'item',
        formatter: function (p) {
          var k = ks[p.dataIndex];
          return esc(D.topics[k].label) + ': ' + num(R.topicTurns[k]) + ' of ' + num(R.turns) + ' turns (' + fmtPct(R.topicTurns[k], R.turns) + ')';
        }
      },
      series: [{
        type: 'bar', barMaxWidth: 22,
        data: ks.map(function (k) { return { value: +pct(R.topicTurns[k], R.turns).toFixed(1), itemStyle: { color: topicColor(k) } }; }),
        label: { show: true, position: 'right', formatter: '{c}%', fontSize: 11 }
      }]
    }, true);
    c.off('click');
    c.on('click', function (p) { setTopic(ks[p.dataIndex]); });
  }

  function drawTimeline() {
    var c = chart('chart-timeline');
    var nT = D.topics.length;
    var ks = topicOrder(R);
    var first = -1, last = -1;
    for (var m = 0; m < months.length; m++) if (R.monthTurns[m] > 0) { if (first < 0) first = m; last = m; }
    if (!ks.length || first < 0) return noData(c);
    var ms = months.slice(first, last + 1);
    var selected = {};
    ks.forEach(function (k, i) { selected[D.topics[k].label] = i < TIMELINE_SHOWN || k === F.topic; });
    var share = timelineMode === 'share';
    c.setOption({
      animation: false,
      color: ks.map(topicColor),
      legend: { type: 'scroll', top: 0, selected: selected, textStyle: { fontSize: 11 } },
      grid: { left: 8, right: 16, top: 34, bottom: ms.length > 36 ? 56 : 24, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return share ? v + '%' : v + ' turns'; } },
      xAxis: { type: 'category', data: ms, boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: share ? '{value}%' : '{value}' } },
      dataZoom: ms.length > 36 ? [{ type: 'slider', height: 18, bottom: 6 }, { type: 'inside' }] : [],
      series: ks.map(function (k) {
        return {
          name: D.topics[k].label, type: 'line', showSymbol: ms.length < 40, symbolSize: 5,
          data: ms.map(function (_, i) {
            var mi = first + i, n = R.monthTopic[mi * nT + k];
            return share ? +pct(n, R.monthTurns[mi]).toFixed(1) : n;
          })
        };
      })
    }, true);
  }

  function drawHeatmap() {
    var c = chart('chart-heatmap');
    var nT = D.topics.length;
    var ks = topicOrder(R);
    var ss = [];
    for (var s = 0; s < D.speakers.length; s++) if (R.spkTurns[s] > 0) ss.push(s);
    ss.sort(function (a, b) { return R.spkTurns[b] - R.spkTurns[a] || a - b; });
    ss = ss.slice(0, TOP_SPEAKERS);
    if (!ks.length || !ss.length) return noData(c);
    var height = Math.max(260, 190 + 20 * ss.length) + 'px';
    if (c.getDom().style.height !== height) { c.getDom().style.height = height; c.resize(); }
    var data = [], values = [];
    ss.forEach(function (s, y) {
      ks.forEach(function (k, x) {
        var n = R.spkTopic[s * nT + k];
        var v = +pct(n, R.spkTurns[s]).toFixed(1);
        if (n) values.push(v);
        data.push([x, y, n ? v : '-', n]);
      });
    });
    // the colour scale ends at the 90th percentile, so that the common
    // shares are told apart; higher ones all get the darkest colour
    values.sort(function (a, b) { return a - b; });
    var max = values.length ? Math.max(10, Math.ceil(values[Math.floor(0.9 * (values.length - 1))])) : 100;
    c.setOption({
      animation: false,
      grid: { left: 8, right: 16, top: 8, bottom: 90, containLabel: true },
      tooltip: {
        formatter: function (p) {
          var s = ss[p.value[1]], k = ks[p.value[0]];
          return esc(spkLabel[s]) + '<br>' + esc(D.topics[k].label) + ': ' + num(p.value[3]) + ' of ' + num(R.spkTurns[s]) + ' turns (' + fmtPct(p.value[3], R.spkTurns[s]) + ')';
        }
      },
      xAxis: { type: 'category', data: ks.map(function (k) { return D.topics[k].label; }), axisLabel: { rotate: 35, interval: 0, fontSize: 11, width: 150, overflow: 'truncate' }, splitArea: { show: true } },
      yAxis: { type: 'category', inverse: true, data: ss.map(function (s) { return cut(spkLabel[s], 42) + '  ' + R.spkTurns[s]; }), axisLabel: { fontSize: 11 }, splitArea: { show: true } },
      visualMap: { dimension: 2, min: 0, max: max, calculable: true, orient: 'horizontal', right: 16, bottom: 0, itemHeight: 120, text: ['% of turns', ''], inRange: { color: ['#f4f8fc', '#a9cfe8', '#5b9bd0'] } },
      series: [{ type: 'heatmap', data: data, label: { show: ks.length <= 16, fontSize: 10, formatter: function (p) { return p.value[3] ? Math.round(p.value[2]) : ''; } } }]
    }, true);
  }

  // ---- tables -------------------------------------------------------------

  function drawTopEntities() {
    var box = $('#top-entities');
    box.textContent = '';
    var ks = topicOrder(R);
    if (!ks.length) { box.append(h('p', { class: 'empty' }, 'No turn matches the filters.')); return; }
    var nC = D.countries.length, nO = D.orgs.length, nP = D.people.length;
    function cell(matrix, w, k, names) {
      return h('td', null, h('span', { class: 'list' }, top(matrix, k, w, TOP_PER_TOPIC).map(function (e) {
        return h('span', null, names(e[0]), h('span', { class: 'cnt' }, e[1]));
      })));
    }
    var body = h('tbody', null, ks.map(function (k) {
      return h('tr', null,
        h('td', null, h('span', { class: 'chip link', style: '--c:' + topicColor(k), 'data-topic': k }, D.topics[k].label)),
        h('td', { class: 'num' }, num(R.topicTurns[k])),
        cell(R.topicCountry, nC, k, function (e) { return D.countries[e][0]; }),
        cell(R.topicOrg, nO, k, function (e) { return D.orgs[e]; }),
        cell(R.topicPerson, nP, k, function (e) { return D.people[e]; }));
    }));
    box.append(h('table', { id: 'top-table' },
      h('thead', null, h('tr', null, h('th', null, 'Topic'), h('th', { class: 'num' }, 'Turns'), h('th', null, 'Countries'), h('th', null, 'Organisations'), h('th', null, 'People'))),
      body));
  }

  function docTopicShare(d) {
    var ts = D.docs[d].topics;
    if (F.topic >= 0) {
      var label = D.topics[F.topic].label;
      for (var i = 0; i < ts.length; i++) if (ts[i].label === label) return ts[i].turn_share;
      return 0;
    }
    return ts.length ? ts[0].turn_share : 0;
  }

  // topicsFirst puts the topic of the topic filter first.
  function topicsFirst(ts) {
    if (F.topic < 0) return ts;
    var label = D.topics[F.topic].label;
    return ts.filter(function (t) { return t.label === label; }).concat(ts.filter(function (t) { return t.label !== label; }));
  }

  function sortedDocs() {
    var ds = [];
    for (var d = 0; d < D.docs.length; d++) if (R.docTurns[d] > 0) ds.push(d);
    var key = {
      date: function (d) { return D.docs[d].doc_date || ''; },
      title: function (d) { return (D.docs[d].doc_title || D.docs[d].source).toLowerCase(); },
      matched: function (d) { return R.docTurns[d]; },
      words: function (d) { return D.docs[d].words; },
      topic: docTopicShare
    }[sortKey];
    ds.sort(function (a, b) {
      var x = key(a), y = key(b);
      if (x < y) return -sortDir;
      if (x > y) return sortDir;
      return a - b;
    });
    return ds;
  }

  function drawDocs() {
    var ds = sortedDocs();
    var pages = Math.max(1, Math.ceil(ds.length / PAGE));
    if (page >= pages) page = pages - 1;
    var tbody = $('#doc-table tbody');
    tbody.textContent = '';
    var filtered = filtering();
    ds.slice(page * PAGE, (page + 1) * PAGE).forEach(function (d) {
      var doc = D.docs[d];
      tbody.append(h('tr', { 'data-doc': d },
        h('td', null, doc.doc_date || '—'),
        h('td', null, h('a', { href: '#doc=' + d }, doc.doc_title || doc.source), doc.doc_title ? h('span', { class: 'source' }, doc.source) : null),
        h('td', { class: 'num' }, filtered ? num(R.docTurns[d]) + ' / ' + num(doc.turns) : num(doc.turns)),
        h('td', { class: 'num' }, num(doc.words)),
        h('td', null, h('span', { class: 'list' }, doc.speakers.slice(0, 3).map(function (s) {
          return h('span', null, s.name || s.role || 'unnamed', h('span', { class: 'cnt' }, s.turns));
        }))),
        h('td', null, topicsFirst(doc.topics).slice(0, 3).map(function (t) {
          var k = topicIndex(t.label);
          return h('div', null, h('span', { class: 'bar', style: 'width:' + Math.max(2, Math.round(60 * t.turn_share)) + 'px;--c:' + topicColor(k) }), t.label, h('span', { class: 'cnt' }, Math.round(100 * t.turn_share) + '%'));
        })),
        h('td', null, h('span', { class: 'list' }, [].concat(doc.countries.slice(0, 2), doc.organisations.slice(0, 2), doc.people.slice(0, 2)).map(function (e) {
          return h('span', null, e.name, h('span', { class: 'cnt' }, e.turns));
        })))));
    });
    if (!ds.length) tbody.append(h('tr', null, h('td', { colspan: 7, class: 'empty' }, 'No document matches the filters.')));
    var pager = $('#pager');
    pager.textContent = '';
    pager.append(
      h('button', { type: 'button', id: 'prev', disabled: page === 0 }, '‹ previous'),
      h('span', null, ds.length ? (page * PAGE + 1) + '–' + Math.min(ds.length, (page + 1) * PAGE) + ' of ' + num(ds.length) + ' documents' : '0 documents'),
      h('button', { type: 'button', id: 'next', disabled: page >= pages - 1 }, 'next ›'));
    $('#prev').onclick = function () { page--; drawDocs(); };
    $('#next').onclick = function () { page++; drawDocs(); };
    document.querySelectorAll('#doc-table th[data-sort]').forEach(function (th) {
      th.setAttribute('aria-sort', th.dataset.sort === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
    });
  }

  var topicByLabel = new Map();
  function topicIndex(label) { return topicByLabel.has(label) ? topicByLabel.get(label) : 0; }

  function drawStats() {
    var box = $('#stats');
    box.textContent = '';
    var dates = [];
    for (var d = 0; d < D.docs.length; d++) if (R.docTurns[d] > 0 && D.docs[d].doc_date) dates.push(D.docs[d].doc_date);
    dates.sort();
    function stat(v, what) { return h('div', { class: 'stat' }, h('b', null, v), h('span', null, what)); }
    box.append(
      stat(num(R.docs), 'documents'),
      stat(num(R.turns), 'turns'),
      stat(num(R.words), 'words'),
      stat(num(R.speakers), 'speakers'),
      stat(dates.length ? dates[0] + ' – ' + dates[dates.length - 1] : '—', R.undated ? 'date range (' + num(R.undated) + ' turns undated)' : 'date range'));
  }

  function drawCounts() {
    var c = $('#counts');
    c.dataset.docs = R.docs;
    c.dataset.turns = R.turns;
    c.textContent = filtering()
      ? num(R.docs) + ' of ' + num(D.docs.length) + ' documents · ' + num(R.turns) + ' of ' + num(N) + ' turns'
      : num(D.docs.length) + ' documents · ' + num(N) + ' turns';
  }

  // ---- codebook -------------------------------------------------------------

  function drawCodebook() {
    var cb = D.codebook;
    var rules = $('#codebook-rules');
    add(rules, [
      h('p', null, 'A turn carries a topic when the weights of the cues found in its text add up to at least ' + cb.min_weight +
        ': an ordinary cue weighs 1, a weak one 0.5. The score is 1 − exp(−weight): one cue gives 0.63, two 0.86, three 0.95. ' +
        'Only the turn\'s own text counts, not its speaker or label.'),
      h('p', null, 'A country, organisation or person that the lexicon links to a topic is a cue of that topic under its canonical name ' +
        '(its aliases and demonyms count: "Ukrainian" is evidence as "Ukraine"); a country\'s capital is a cue of the country\'s topics, not a mention of the country. ' +
        'Cues match whole words; a lowercase cue matches in any case, a capitalised one as written or in capitals; where two cues overlap the longer wins.'),
      h('p', null, 'Rules: "only near" fires only when one of the phrases is in the same turn (or within the given words); "never near" never fires then; ' +
        '"not before" and "not after" look at the words right after and before; a weight of 0.5 marks a weak cue, which needs another. ' +
        'Names prefixed with @ are shared lists of phrases: hover to read them.'),
      h('p', null, 'In the document view, highlights are the mentions: ',
        h('mark', { class: 'm m-country' }, 'countries'), ', ', h('mark', { class: 'm m-organisation' }, 'organisations'), ', ',
        h('mark', { class: 'm m-person' }, 'people'), ' and ', h('mark', { class: 'm m-person m-addressed' }, 'people addressed by name'),
        '; hover a highlight for what it resolved to and how it was found, a topic chip for its score and the cues that fired.'),
      cb.lexicon ? null : h('p', null, h('b', null, 'This report was built without a lexicon: only the cues that fired are listed.'))]);
    var box = $('#codebook-topics');
    var ks = D.topics.map(function (_, k) { return k; });
    ks.sort(function (a, b) { return D.topics[a].label.localeCompare(D.topics[b].label); });
    ks.forEach(function (k) {
      var t = D.topics[k], ct = cb.topics[k];
      var ents = ['country', 'organisation', 'person'].filter(function (x) { return ct.entities[x] && ct.entities[x].length; });
      box.append(h('div', { class: 'code-topic', id: 'code-' + k, style: '--c:' + topicColor(k) },
        h('h3', null, t.label, ' ', h('small', null, [t.id ? 'id ' + t.id : 'not in the lexicon', ct.parent ? ' · part of ' + ct.parent : '', ct.where ? ' · ' + ct.where : ''].join(''))),
        h('div', null, num(ALL.topicTurns[k]) + ' of ' + num(N) + ' turns in this corpus (' + fmtPct(ALL.topicTurns[k], N) + ')'),
        ct.cues.length ? [h('b', null, 'Cues'), h('ul', null, ct.cues.map(function (c) {
          return h('li', null, c.text, c.rules.length ? h('span', { class: 'rule' }, ' — ', c.rules.map(function (r, i) { return [i ? '; ' : '', ruleText(r)]; })) : null);
        }))] : null,
        ents.length ? h('details', null, h('summary', null, 'Entities that count for it: ' + ents.map(function (x) {
          return ct.entities[x].length + ' ' + ({ country: 'countries', organisation: 'organisations', person: 'people' })[x];
        }).join(', ')), ents.map(function (x) {
          return h('p', null, h('b', null, ({ country: 'Countries', organisation: 'Organisations', person: 'People' })[x] + ': '), ct.entities[x].join(', '));
        })) : null,
        ct.fired.length ? h('p', null, h('b', null, 'Cues that fired in this corpus: '), h('span', { class: 'list' }, ct.fired.map(function (f) {
          return h('span', { 'data-tip': f.cue + ': in ' + f.turns + ' turns, ' + f.count + ' times' }, f.cue, h('span', { class: 'cnt' }, f.turns));
        }))) : null));
    });
  }

  // ruleText renders a rule, with each @context reference hoverable.
  function ruleText(r) {
    var parts = r.split(/(@[a-z0-9-]+)/);
    return parts.map(function (p) {
      if (p.charAt(0) !== '@') return p;
      var phrases = D.codebook.contexts[p.slice(1)];
      return h('span', { class: 'ctx', 'data-tip': phrases ? phrases.join(', ') : 'unknown context' }, p);
    });
  }

  // ---- document view ------------------------------------------------------

  function loadDoc(d) {
    if (!docCache.has(d)) docCache.set(d, unpack('doc-' + d));
    return docCache.get(d);
  }

  function speakerParts(s) {
    var sp = D.speakers[s];
    return { name: sp[0], role: sp[1], aff: sp[2] };
  }

  // highlight renders text with its mentions as nested marks; start and
  // end are offsets in Unicode code points, as in the mentions file.
  function highlight(text, mentions) {
    var cps = Array.from(text);
    var ms = mentions.filter(function (m) { return m[1] > m[0] && m[1] <= cps.length; })
      .sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var out = h('div', { class: 'text' });
    (function render(parent, from, to, list) {
      var pos = from, k = 0;
      while (k < list.length) {
        var m = list[k];
        if (m[0] < pos) { k++; continue; } // crosses one already drawn
        if (m[0] > pos) parent.append(cps.slice(pos, m[0]).join(''));
        var inner = [], k2 = k + 1;
        while (k2 < list.length && list[k2][0] < m[1]) { if (list[k2][1] <= m[1]) inner.push(list[k2]); k2++; }
        var mark = markFor(m);
        render(mark, m[0], m[1], inner);
        parent.append(mark);
        pos = m[1];
        k = k2;
      }
      if (pos < to) parent.append(cps.slice(pos, to).join(''));
    })(out, 0, cps.length, ms);
    return out;
  }

  function markFor(m) {
    var type = m[2], canonical = m[3], id = m[4], origin = m[5];
    return h('mark', {
      class: 'm m-' + type + (origin === 'addressed' ? ' m-addressed' : ''),
      'data-type': type, 'data-canonical': canonical, 'data-origin': origin, 'data-text': m[6],
      'data-start': m[0], 'data-end': m[1],
      'data-tip': type + ': ' + canonical + (id ? ' (' + id + ')' : '') + ' — ' + (ORIGINS[origin] || origin)
    });
  }

  function chip(k, score, cues) {
    var minS = F.min;
    return h('span', {
      class: 'chip' + (score < minS ? ' dim' : ''), style: '--c:' + topicColor(k),
      'data-topic': D.topics[k].label, 'data-score': score.toFixed(2),
      'data-tip': D.topics[k].label + ': score ' + score.toFixed(2) + ' — cues: ' + cues.map(function (c) { return c[0] + '×' + c[1]; }).join(', ')
    }, D.topics[k].label, h('span', { class: 'cnt' }, score.toFixed(2)));
  }

  function drawDoc(d, data) {
    var view = $('#docview');
    var doc = D.docs[d];
    var only = $('#only-matching') ? $('#only-matching').checked : false;
    view.textContent = '';
    var matched = R.docTurns[d];
    function facts(title, items) {
      return h('div', null, h('h3', null, title), items.length ? h('span', { class: 'list' }, items) : h('span', { class: 'cnt' }, 'none'));
    }
    view.append(
      h('p', null, h('a', { href: '#documents', id: 'back' }, '‹ all documents')),
      h('div', { class: 'doc-head' },
        h('div', { class: 'doc-meta' }, doc.source),
        h('h2', null, doc.doc_title || doc.source),
        h('div', { class: 'doc-meta' }, [doc.doc_date || 'no date', num(doc.turns) + ' turns', num(doc.words) + ' words'].join(' · ')),
        h('div', { class: 'doc-facts' },
          facts('Speakers', doc.speakers.map(function (s) { return h('span', null, s.name || s.role || 'unnamed', h('span', { class: 'cnt' }, s.turns)); })),
          facts('Topics (share of turns · of words)', doc.topics.map(function (t) {
            var k = topicIndex(t.label);
            return h('span', { class: 'chip link', style: '--c:' + topicColor(k), 'data-topic': k, 'data-tip': t.turns + ' turns (' + Math.round(100 * t.turn_share) + '%), ' + t.words + ' words (' + Math.round(100 * t.word_share) + '%)' },
              t.label, h('span', { class: 'cnt' }, Math.round(100 * t.turn_share) + '% · ' + Math.round(100 * t.word_share) + '%'));
          })),
          facts('Countries', doc.countries.map(function (e) { return h('span', null, e.name, h('span', { class: 'cnt' }, e.turns)); })),
          facts('Organisations', doc.organisations.map(function (e) { return h('span', null, e.name, h('span', { class: 'cnt' }, e.turns)); })),
          facts('People', doc.people.map(function (e) { return h('span', null, e.name, h('span', { class: 'cnt' }, e.turns)); })))),
      h('div', { class: 'legend' },
        h('mark', { class: 'm m-country' }, 'country'), h('mark', { class: 'm m-organisation' }, 'organisation'),
        h('mark', { class: 'm m-person' }, 'person'), h('mark', { class: 'm m-person m-addressed' }, 'addressed'),
        h('label', { class: 'only' }, h('input', { type: 'checkbox', id: 'only-matching', checked: only }), ' only the turns that match the filters'),
        h('span', { id: 'doc-counts', 'data-turns': matched }, num(matched) + ' of ' + num(doc.turns) + ' turns match')));
    var list = h('div', { id: 'turns' });
    for (var j = 0; j < data.turns.length; j++) {
      var i = doc.first + j, td = data.turns[j];
      var ok = R.match[i] === 1;
      if (only && !ok) continue;
      var sp = speakerParts(T.speaker[i]);
      list.append(h('article', { class: 'turn' + (ok ? ' match' : ''), id: 't-' + (j + 1), 'data-turn': j + 1 },
        h('div', { class: 'turn-head' },
          h('span', { class: 'turn-no' }, '#' + (j + 1)),
          h('span', { class: 'who' }, sp.name || (sp.role ? sp.role : 'unnamed')),
          sp.name && sp.role ? h('span', { class: 'role' }, sp.role) : null,
          sp.aff ? h('span', { class: 'role' }, sp.aff) : null,
          td.start ? h('span', { class: 'role' }, td.start + (td.end ? '–' + td.end : '')) : null,
          h('span', { class: 'chips' }, td.topics.map(function (t) { return chip(topicIndex(t[0]), t[1], t[2]); }))),
        highlight(td.text, td.mentions)));
    }
    view.append(list);
    $('#only-matching').onchange = function () { drawDoc(d, data); };
    view.dataset.doc = d;
    view.dataset.ready = '1';
  }

  function showDoc(d) {
    openDoc = d;
    $('#main').hidden = true;
    var view = $('#docview');
    view.hidden = false;
    view.dataset.ready = '';
    view.textContent = 'Loading…';
    window.scrollTo(0, 0);
    loadDoc(d).then(function (data) {
      if (openDoc !== d) return;
      drawDoc(d, data);
    });
  }

  function showMain(anchor) {
    var wasDoc = openDoc >= 0;
    openDoc = -1;
    $('#docview').hidden = true;
    $('#main').hidden = false;
    if (wasDoc) Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    var target = anchor && document.getElementById(anchor);
    if (target) target.scrollIntoView();
  }

  function route() {
    var m = /^#doc=(\d+)/.exec(location.hash);
    if (m && +m[1] < D.docs.length) showDoc(+m[1]);
    else showMain(location.hash.slice(1));
  }

  // ---- wiring ---------------------------------------------------------------

  function update() {
    R = compute(F);
    $('#f-min-value').textContent = F.min.toFixed(2);
    drawCounts();
    drawStats();
    drawTopics();
    drawTimeline();
    drawHeatmap();
    drawTopEntities();
    drawDocs();
    if (openDoc >= 0) {
      var d = openDoc;
      loadDoc(d).then(function (data) { if (openDoc === d) drawDoc(d, data); });
    }
  }

  function setTopic(k) {
    F.topic = k;
    $('#f-topic').value = String(k);
    page = 0;
    update();
  }

  function fillSelects() {
    var topicSel = $('#f-topic');
    topicOrder(ALL).forEach(function (k) {
      topicSel.append(h('option', { value: k }, D.topics[k].label + ' (' + ALL.topicTurns[k] + ')'));
    });
    var cs = [];
    for (var c = 0; c < D.countries.length; c++) if (ALL.countryTurns[c] > 0) cs.push(c);
    cs.sort(function (a, b) { return ALL.countryTurns[b] - ALL.countryTurns[a] || D.countries[a][0].localeCompare(D.countries[b][0]); });
    var countrySel = $('#f-country');
    cs.forEach(function (c) { countrySel.append(h('option', { value: c }, D.countries[c][0] + ' (' + ALL.countryTurns[c] + ')')); });
    var ss = D.speakers.map(function (_, s) { return s; }).filter(function (s) { return ALL.spkTurns[s] > 0; });
    ss.sort(function (a, b) { return ALL.spkTurns[b] - ALL.spkTurns[a] || a - b; });
    var seen = new Set(), list = $('#speaker-list');
    ss.forEach(function (s) {
      var name = D.speakers[s][0] || D.speakers[s][1];
      if (!name || seen.has(name) || seen.size >= 500) return;
      seen.add(name);
      list.append(h('option', { value: name }));
    });
  }

  function wire() {
    var timer = 0;
    $('#f-topic').addEventListener('change', function (e) { setTopic(+e.target.value); });
    $('#f-country').addEventListener('change', function (e) { F.country = +e.target.value; page = 0; update(); });
    $('#f-speaker').addEventListener('input', function (e) {
      clearTimeout(timer);
      timer = setTimeout(function () { F.speaker = e.target.value; page = 0; update(); }, 120);
    });
    $('#f-from').addEventListener('change', function (e) { F.from = e.target.value; page = 0; update(); });
    $('#f-to').addEventListener('change', function (e) { F.to = e.target.value; page = 0; update(); });
    $('#f-min').addEventListener('input', function (e) { F.min = +e.target.value; update(); });
    $('#f-reset').addEventListener('click', function () {
      F = { topic: -1, speaker: '', country: -1, from: '', to: '', min: 0 };
      $('#f-topic').value = '-1'; $('#f-country').value = '-1'; $('#f-speaker').value = '';
      $('#f-from').value = ''; $('#f-to').value = ''; $('#f-min').value = '0';
      page = 0;
      update();
    });
    document.querySelectorAll('#doc-table th[data-sort]').forEach(function (th) {
      th.addEventListener('click', function () {
        var k = th.dataset.sort;
        if (sortKey === k) sortDir = -sortDir;
        else { sortKey = k; sortDir = (k === 'title') ? 1 : -1; }
        page = 0;
        drawDocs();
      });
    });
    document.addEventListener('click', function (e) {
      var c = e.target.closest && e.target.closest('.chip.link');
      if (c && c.dataset.topic !== undefined) setTopic(+c.dataset.topic);
    });
    var tip = $('#tip');
    document.addEventListener('mouseover', function (e) {
      var t = e.target.closest && e.target.closest('[data-tip]');
      if (!t) { tip.hidden = true; return; }
      tip.textContent = t.dataset.tip;
      tip.hidden = false;
    });
    document.addEventListener('mousemove', function (e) {
      if (tip.hidden) return;
      var x = Math.min(e.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
      var y = e.clientY + 18;
      if (y + tip.offsetHeight > window.innerHeight - 4) y = e.clientY - tip.offsetHeight - 12;
      tip.style.left = x + 'px';
      tip.style.top = y + 'px';
    });
    window.addEventListener('hashchange', route);
    window.addEventListener('resize', function () { Object.keys(charts).forEach(function (k) { charts[k].resize(); }); });
    var mode = h('select', { id: 'timeline-mode', 'aria-label': 'timeline values' },
      h('option', { value: 'turns' }, 'turns'), h('option', { value: 'share' }, 'share of the month\'s turns'));
    mode.addEventListener('change', function () { timelineMode = mode.value; drawTimeline(); });
    $('#chart-timeline').parentNode.querySelector('figcaption').append(' ', mode);
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; });
  }

  function init(data) {
    performance.mark('turntag-decoded');
    D = data;
    T = D.turns;
    N = T.doc.length;
    D.topics.forEach(function (t, k) { topicByLabel.set(t.label, k); });
    var ms = new Set();
    D.docs.forEach(function (d) { if (d.doc_date) ms.add(d.doc_date.slice(0, 7)); });
    var sorted = Array.from(ms).sort();
    if (sorted.length) {
      var y = +sorted[0].slice(0, 4), m = +sorted[0].slice(5, 7);
      var end = sorted[sorted.length - 1];
      for (;;) {
        var key = y + '-' + (m < 10 ? '0' : '') + m;
        months.push(key);
        if (key >= end || months.length > 2400) break;
        if (++m > 12) { m = 1; y++; }
      }
    }
    var monthIndex = new Map(months.map(function (k, i) { return [k, i]; }));
    docMonth = D.docs.map(function (d) { return d.doc_date ? monthIndex.get(d.doc_date.slice(0, 7)) : -1; });
    D.speakers.forEach(function (sp) {
      var label = sp[0] || sp[1] || 'unnamed';
      if (sp[0] && sp[1]) label += ', ' + sp[1];
      if (sp[2]) label += ' (' + sp[2] + ')';
      spkLabel.push(label);
      spkHay.push((sp[0] + ' ' + sp[1] + ' ' + sp[2]).toLowerCase());
    });
    ALL = compute({ topic: -1, speaker: '', country: -1, from: '', to: '', min: 0 });
    document.title = D.title;
    fillSelects();
    wire();
    drawCodebook();
    update();
    route();
    performance.mark('turntag-ready');
    document.body.dataset.ready = '1';
    window.turntagReady = performance.now();
  }

  unpack('summary').then(init).catch(function (err) {
    document.body.dataset.error = String(err);
    $('#main').prepend(h('p', { class: 'empty' }, 'The report could not be read: ' + err));
  });
})();
