// Starts Pagefind's default UI on the search page. Result URLs in the index are
// site paths (/articles/...); data-base-url carries the site's path prefix.
// A large archive is indexed in several bundles (src/search/indexer.ts):
// data-bundles names the others, merged here into one search.
(function () {
  var root = document.getElementById('search');
  if (!root || typeof window.PagefindUI !== 'function') return;
  var base = root.getAttribute('data-base-url') || '/';
  var others = (root.getAttribute('data-bundles') || '').split(' ').filter(function (folder) {
    return /^pagefind-\d+\/$/.test(folder);
  });
  new window.PagefindUI({
    element: root,
    baseUrl: base,
    mergeIndex: others.map(function (folder) {
      return { bundlePath: base + folder };
    }),
    showSubResults: false,
    showImages: false,
    resetStyles: false,
    openFilters: ['year'],
  });
  // Pagefind labels its box only with a title attribute; the page's visible heading names it.
  var input = root.querySelector('input.pagefind-ui__search-input');
  if (input) input.setAttribute('aria-labelledby', 'search-heading');
  // Pagefind's form has action="javascript:void(0);": a script URL, which the site otherwise never
  // has (the hostile-corpus test looks for them). Its submit handler already cancels submission.
  var form = root.querySelector('form.pagefind-ui__form');
  if (form) form.removeAttribute('action');
})();
