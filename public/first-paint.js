// Runs before the page is first drawn (a classic script in <head>, so it blocks): the sample's
// first paint (inlined in index.html from first-paint/sample.html) is shown only when the
// address asks for the sample. Another incident, view or embed waits for the app instead of
// flashing the sample. The app removes the first paint once it has started.
(function () {
  var params = new URLSearchParams(window.location.search);
  var other = ['src', 'view', 'embed', 'synthetic', 'index'].some(function (key) {
    return params.has(key);
  });
  if (other) document.documentElement.classList.add('first-paint-hidden');
})();
