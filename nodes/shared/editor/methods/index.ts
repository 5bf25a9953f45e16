export { listSearch } from './listSearch';
export { resourceMapping } from './resourceMapping';
export { loadOptions } from './loadOptions';
