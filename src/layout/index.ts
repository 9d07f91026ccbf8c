export { LayoutError, type LayoutOptions, type LayoutRefusal, layoutChart } from './layout-chart.js';
export { type PageSize, pageDimensions } from './page.js';
