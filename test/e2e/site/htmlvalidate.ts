/**
 * The html-validate configuration for built pages: the recommended preset.
 * A rule is relaxed here only where it forbids a valid choice, each with its
 * reason; the pages pass the preset as it is, so none is.
 */
import type { ConfigData } from 'html-validate';

/** Configuration for every built page. */
export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
};
