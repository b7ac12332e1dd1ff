// Rose Ash page behaviour. Loaded once per full page; htmx swaps the #content fragment afterwards.
(function () {
  'use strict';

  function csrfToken() {
    var meta = document.querySelector('meta[name="csrf-token"]');
    return meta ? meta.content : '';
  }

  // htmx requests that change state carry the CSRF token as a header; boosted forms also carry the field.
  document.addEventListener('htmx:configRequest', function (event) {
    if (event.detail.verb !== 'get') {
      event.detail.headers['X-CSRF-Token'] = csrfToken();
    }
  });

  var widgets = {
    // <time datetime="..." data-widget="relative-time">: "3 days ago", keeping the full date as a tooltip.
    'relative-time': function (element) {
      var when = new Date(element.getAttribute('datetime'));
      if (isNaN(when.getTime())) {
        return;
      }
      var seconds = Math.round((when.getTime() - Date.now()) / 1000);
      var units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
      var format = new Intl.RelativeTimeFormat(document.documentElement.lang || 'en', { numeric: 'auto' });
      var text = format.format(seconds, 'second');
      for (var i = 0; i < units.length; i++) {
        if (Math.abs(seconds) >= units[i][1]) {
          text = format.format(Math.round(seconds / units[i][1]), units[i][0]);
          break;
        }
      }
      element.title = element.textContent.trim();
      element.textContent = text;
    }
  };

  // Runs for the initial page and for every element htmx swaps in, so widgets inside boosted content
  // are initialised exactly as on a full load.
  htmx.onLoad(function (root) {
    var elements = Array.prototype.slice.call(root.querySelectorAll('[data-widget]'));
    if (root.matches && root.matches('[data-widget]')) {
      elements.push(root);
    }
    elements.forEach(function (element) {
      var init = widgets[element.getAttribute('data-widget')];
      if (init && element.getAttribute('data-widget-ready') !== 'true') {
        init(element);
        element.setAttribute('data-widget-ready', 'true');
      }
    });
  });
})();
