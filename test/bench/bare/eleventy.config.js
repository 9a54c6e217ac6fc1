// The bare Eleventy baseline of the build benchmark (issue 13's bar): the same
// Markdown through one Nunjucks layout, plus one page per tag and one per
// person listing their articles, and nothing else. Each list is grouped once,
// in a collection, so no page scans the whole archive. The bench copies this
// folder beside the articles and builds it in a child process.
export default function (eleventyConfig) {
  // Articles by tag and by person, grouped once: [{ name, posts }].
  const groups = (collectionApi, field) => {
    const byName = new Map();
    for (const item of collectionApi.getFilteredByTag('posts'))
      for (const name of item.data[field] || []) {
        if (!byName.has(name)) byName.set(name, []);
        byName.get(name).push(item);
      }
    return [...byName].map(([name, posts]) => ({ name, posts }));
  };
  eleventyConfig.addCollection('tagPages', (collectionApi) => groups(collectionApi, 'tags').filter((group) => group.name !== 'posts'));
  eleventyConfig.addCollection('personPages', (collectionApi) => groups(collectionApi, 'people'));
  return {
    templateFormats: ['md', 'njk'],
    markdownTemplateEngine: false,
    htmlTemplateEngine: 'njk',
    dir: { includes: '_includes', data: '_data' },
  };
}
