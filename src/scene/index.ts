/**
 * The Scene: the contract between the layout and every renderer. Depends on nothing upstream.
 */
export { sceneToJson } from './json.js';
export { sceneJsonSchema } from './json-schema.js';
export {
  isPageName,
  PAGE_NAMES,
  PAPER_SIZES_MM,
  type PageName,
  type PaperName,
  PT_PER_MM,
  pageSizeMm,
} from './page.js';
export {
  SCENE_FORMAT,
  SCENE_LEVELS,
  SCENE_VERSION,
  type Scene,
  type SceneArrow,
  type SceneBadgeBox,
  type SceneBand,
  type SceneBox,
  type SceneBoxKind,
  type SceneBranchLine,
  type SceneConnectorLine,
  type SceneControlBox,
  SceneError,
  type SceneExitBox,
  type SceneFlowLine,
  type SceneFont,
  type SceneHop,
  type SceneLabelArea,
  type SceneLevel,
  type SceneLine,
  type SceneLineKind,
  type SceneMeta,
  type ScenePage,
  type ScenePaint,
  type SceneRect,
  type SceneRiskBox,
  type SceneStageBox,
  type SceneSwatchBox,
  type SceneText,
  type SceneTextArea,
  type SceneWarning,
  TEXT_ROLES,
  type TextRole,
  unknownKind,
} from './scene.js';
export { isMarkedScene, validateScene } from './validate.js';
