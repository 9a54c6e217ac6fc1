// The plain-Eleventy baseline of the build benchmark: the same Markdown built
// the way the official eleventy-base-blog starter builds a blog. Articles are
// Markdown templates tagged "posts"; one page per tag paginates over
// `collections` (Eleventy's own tag collections); one page per person
// paginates over the people of `collections.all` and lists that person's posts.
// The bench copies this folder beside the articles and builds it in a child process.
export default function (eleventyConfig) {
  eleventyConfig.addFilter('readableDate', (date) => date.toISOString().slice(0, 10));
  eleventyConfig.addFilter('htmlDateString', (date) => date.toISOString().slice(0, 10));
  eleventyConfig.addFilter('head', (array, n) => (n < 0 ? array.slice(n) : array.slice(0, n)));
  eleventyConfig.addFilter('getAllTags', (collection) => {
    const tagSet = new Set();
    for (const item of collection) for (const tag of item.data.tags || []) tagSet.add(tag);
    return [...tagSet];
  });
  eleventyConfig.addFilter('filterTagList', (tags) => (tags || []).filter((tag) => ['all', 'posts', 'people'].indexOf(tag) === -1));
  // People are not Eleventy tags: a collection of their names to paginate over.
  eleventyConfig.addCollection('people', (collectionApi) => {
    const people = new Set();
    for (const item of collectionApi.getAll()) for (const person of item.data.people || []) people.add(person);
    return [...people];
  });
  eleventyConfig.addFilter('withPerson', (collection, person) => collection.filter((item) => (item.data.people || []).includes(person)));

  return {
    templateFormats: ['md', 'njk', 'html'],
    markdownTemplateEngine: 'njk',
    htmlTemplateEngine: 'njk',
    // Input and output folders come from the bench (the starter's are `content` and `_site`).
    dir: { includes: '_includes', data: '_data' },
  };
}
