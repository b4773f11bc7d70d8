/*
 * Postmortem Explorer embed script: turns every
 *   <div data-postmortem-src="URL of a postmortem" data-view="timeline|chart|illustration|summary"></div>
 * into an iframe of the explorer showing that one view, as wide as the div and as tall as
 * its content.
 *
 * The explorer is found next to this script (embed.js lives in the app's public/ folder);
 * data-postmortem-app="https://host/postmortems/" on the div overrides that, if it is an
 * http(s) URL of the script's own origin or of an origin listed in the script tag's
 * data-allow-origins="https://a.example https://b.example". data-height (default 320) is a
 * number of pixels. Anything else is refused with a note in the div.
 *
 * Optional attributes are passed on to the frame: data-theme="light|dark|auto" (default auto:
 * the reader's system setting), data-compact (the timeline's plot and one line of durations),
 * data-parts="title,durations,toolbar,overview,legend,details,keys,list", data-metrics="URL of
 * a metrics file", and the view itself: data-from, data-to (ISO times), data-event (number),
 * data-zone.
 *
 * The frame posts its height whenever it changes:
 *   { type: "postmortem-explorer:height", view: "timeline", height: 412, src: "…" }
 * Messages are only accepted from the explorer's origin and from the frame they size.
 *
 * Plain JavaScript, no eval, no inline handlers: fine under a strict Content-Security-Policy
 * that allows this script and frames from the explorer's origin.
 */
(function () {
  'use strict';
  var VIEWS = ['timeline', 'chart', 'illustration', 'summary'];
  var PASSED = ['theme', 'parts', 'from', 'to', 'event', 'zone'];
  var script = document.currentScript;
  var defaultApp = script ? new URL('../', script.src).href : new URL('./', location.href).href;

  // Only http(s) URLs are followed: a `javascript:` or `data:` app URL would run in this page.
  function webUrl(value, base) {
    try {
      var url = new URL(value, base);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
    } catch (e) {
      return null;
    }
  }

  // A size in CSS pixels from an attribute: digits only, within bounds, else the default.
  function pixels(value, fallback) {
    var n = /^\s*\d{1,5}\s*$/.test(value || '') ? parseInt(value, 10) : fallback;
    return Math.min(Math.max(n, 40), 20000);
  }

  function refuse(div, why) {
    div.setAttribute('data-postmortem-embedded', 'refused');
    var note = document.createElement('p');
    note.textContent = 'Postmortem Explorer: ' + why;
    div.appendChild(note);
    if (window.console) console.warn('embed.js: ' + why);
  }

  function embed(div) {
    if (div.getAttribute('data-postmortem-embedded')) return;
    var view = div.getAttribute('data-view') || 'timeline';
    if (VIEWS.indexOf(view) < 0) view = 'timeline';
    var app = webUrl(div.getAttribute('data-postmortem-app') || defaultApp, location.href);
    if (!app) return refuse(div, 'data-postmortem-app must be an http(s) URL.');
    // The explorer is found next to this script; another origin only when the page says so.
    var allowed = (script && script.getAttribute('data-allow-origins') || '').split(/\s+/);
    if (app.origin !== new URL(defaultApp).origin && allowed.indexOf(app.origin) < 0) {
      return refuse(div, app.origin + ' is not this script\'s origin; list it in data-allow-origins on the script tag.');
    }
    var frameUrl = new URL(app.href);
    frameUrl.search = '';
    frameUrl.hash = '';
    frameUrl.searchParams.set('embed', view);
    var src = div.getAttribute('data-postmortem-src');
    var srcUrl = src && webUrl(src, location.href);
    if (src && !srcUrl) return refuse(div, 'data-postmortem-src must be an http(s) URL.');
    if (srcUrl) frameUrl.searchParams.set('src', srcUrl.href);
    var metrics = div.getAttribute('data-metrics');
    var metricsUrl = metrics && webUrl(metrics, location.href);
    if (metricsUrl) frameUrl.searchParams.set('metrics', metricsUrl.href);
    if (div.hasAttribute('data-compact')) frameUrl.searchParams.set('compact', '1');
    PASSED.forEach(function (name) {
      var value = div.getAttribute('data-' + name);
      if (value) frameUrl.searchParams.set(name, value);
    });

    var frame = document.createElement('iframe');
    frame.src = frameUrl.href;
    frame.title = div.getAttribute('data-title') || 'Postmortem Explorer: ' + view;
    frame.loading = 'lazy';
    frame.setAttribute('scrolling', 'no');
    // Styles through CSSOM properties, never a style string built from attributes.
    frame.style.display = 'block';
    frame.style.width = '100%';
    frame.style.border = '0';
    frame.style.height = pixels(div.getAttribute('data-height'), 320) + 'px';
    div.setAttribute('data-postmortem-embedded', 'true');
    div.appendChild(frame);

    window.addEventListener('message', function (event) {
      var data = event.data;
      if (event.source !== frame.contentWindow || event.origin !== app.origin) return;
      if (!data || data.type !== 'postmortem-explorer:height' || typeof data.height !== 'number') return;
      frame.style.height = Math.max(40, Math.ceil(data.height)) + 'px';
    });
  }

  function embedAll() {
    var divs = document.querySelectorAll('div[data-postmortem-src], div[data-postmortem-view], div[data-view][data-postmortem-app]');
    for (var i = 0; i < divs.length; i++) embed(divs[i]);
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', embedAll);
  else embedAll();
})();
