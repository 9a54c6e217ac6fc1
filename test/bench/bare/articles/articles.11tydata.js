export default {
  tags: ['posts'],
  layout: 'layout.njk',
};
