export { LayoutError, type LayoutOptions, layoutChart } from './layout-chart.js';
export { type PageSize, pageDimensions } from './page.js';
