/** English texts of Kho ảnh's search box and virtualised grid, spread into `en`. */
export const photoSearchEn = {
  photoSearch: {
    label: 'Search photos',
    placeholder: 'Search captions, bylines, events, file names…',
    clear: 'Clear search',
    count: '{{total}} photos',
    countSelected: '{{total}} photos · {{selected}} selected',
    noMatch: 'No photo matches “{{query}}”. Try other words, or type without tones.',
    loadingTile: 'Loading photo…',
  },
};
