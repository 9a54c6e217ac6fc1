/** Every template filter. The export name is the filter name; the plugin registers them in one loop. */
export { breadcrumbJsonLd } from './breadcrumb-json-ld.ts';
export { canonicalUrl } from './canonical-url.ts';
export { displayDate } from './display-date.ts';
export { monthName } from './month-name.ts';
export { pageTitle } from './page-title.ts';
export { pluralize } from './pluralize.ts';
