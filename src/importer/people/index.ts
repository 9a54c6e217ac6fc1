/** The people extractor's public surface: names in an article, and sorting a page's Tags line. */
export { extractPeople, looksLikeFullName, type PeopleInput } from './extract.ts';
export { classifyNames, type ClassifiedNames } from './classify.ts';
