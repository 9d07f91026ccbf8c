export { LayoutError, type LayoutOptions, layoutChart } from './layout-chart.js';
export { type PageSize, PT_PER_MM, pageDimensions } from './page.js';
export type {
  BoxKind,
  Scene,
  SceneBox,
  SceneFont,
  SceneLine,
  SceneMeta,
  ScenePage,
  SceneText,
  SceneWarning,
  TextRole,
} from './scene.js';
