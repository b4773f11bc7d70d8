/*
 * Postmortem Explorer embed script: turns every
 *   <div data-postmortem-src="URL of a postmortem" data-view="timeline|chart|illustration|summary"></div>
 * into an iframe of the explorer showing that one view, as wide as the div and as tall as
 * its content.
 *
 * The explorer is found next to this script (embed.js lives in the app's public/ folder);
 * data-postmortem-app="https://host/postmortems/" on the div overrides that.
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

  function embed(div) {
    if (div.getAttribute('data-postmortem-embedded')) return;
    var view = div.getAttribute('data-view') || 'timeline';
    if (VIEWS.indexOf(view) < 0) view = 'timeline';
    var app = new URL(div.getAttribute('data-postmortem-app') || defaultApp, location.href);
    var frameUrl = new URL(app.href);
    frameUrl.search = '';
    frameUrl.searchParams.set('embed', view);
    var src = div.getAttribute('data-postmortem-src');
    if (src) frameUrl.searchParams.set('src', new URL(src, location.href).href);
    var metrics = div.getAttribute('data-metrics');
    if (metrics) frameUrl.searchParams.set('metrics', new URL(metrics, location.href).href);
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
    frame.style.cssText = 'display:block;width:100%;border:0;height:' + (div.getAttribute('data-height') || '320') + 'px';
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
