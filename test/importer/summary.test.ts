import { describe, expect, it } from 'vitest';
import { articleSummary } from '../../src/importer/summary.ts';

const article = {
  title: 'Alibaba to raise up to $12.9bn in Hong Kong listing',
  body: 'Alibaba is set to raise up to $12.9bn from its record-breaking second listing in Hong Kong, pricing its shares at a discount.',
};

describe('the summary', () => {
  it('keeps a description of the article as plain text', () => {
    expect(articleSummary('Alibaba is set to raise up to $12.9bn in <b>Hong Kong</b> [...]', article)).toBe(
      'Alibaba is set to raise up to $12.9bn in Hong Kong',
    );
    expect(articleSummary('Alibaba prices its Hong Kong listing near<a class="excerpt-read-more" href="/x">Read More</a>', article)).toBe(
      'Alibaba prices its Hong Kong listing near',
    );
  });

  it('drops a site blurb and interface text', () => {
    expect(articleSummary('Official site of the Example Herald: news, sport and weather from around the region.', article)).toBeUndefined();
    expect(articleSummary('Share this on WhatsApp: Alibaba listing', article)).toBeUndefined();
  });
});
