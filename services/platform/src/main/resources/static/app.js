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

  // Adding to the cart: the form posts to cart's host, which answers a plain post with a redirect (JavaScript
  // off). With JavaScript, the same post is sent with fetch and cart answers the new cart-mini fragment, which
  // replaces the header's, so the visitor stays on the page. Should the fetch fail, the form is posted as usual.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-cart-add]') || !window.fetch) {
      return;
    }
    event.preventDefault();
    var url = new URL(form.action);
    url.searchParams.set('fragment', 'cart-mini');
    var button = form.querySelector('button');
    if (button) {
      button.disabled = true;
    }
    fetch(url.toString(), {
      method: 'POST',
      body: new URLSearchParams(new FormData(form)),
      credentials: 'include',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error('cart answered ' + response.status);
      }
      return response.text();
    }).then(function (html) {
      document.querySelectorAll('.cart-slot').forEach(function (slot) {
        slot.innerHTML = html;
      });
      var status = form.querySelector('.cart-add-status');
      if (status) {
        status.textContent = 'Added to your cart';
      }
      if (button) {
        button.disabled = false;
      }
    }).catch(function () {
      form.submit();
    });
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
