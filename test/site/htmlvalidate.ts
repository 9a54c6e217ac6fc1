/**
 * The html-validate configuration for built pages: the recommended preset,
 * relaxed only where a rule forbids a valid choice, each with its reason.
 */
import type { ConfigData } from 'html-validate';

/** Configuration for every built page. */
export const htmlValidateConfig: ConfigData = {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {},
};
