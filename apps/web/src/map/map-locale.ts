/** maplibre's control labels in the user's language (the map's `locale` option, and a relabel on a language switch). */
import type { Locale } from '../i18n/index.js';

const ZH: Record<string, string> = {
  'NavigationControl.ZoomIn': '放大',
  'NavigationControl.ZoomOut': '缩小',
  'NavigationControl.ResetBearing': '恢复正北朝上',
  'FullscreenControl.Enter': '全屏',
  'FullscreenControl.Exit': '退出全屏',
  'GeolocateControl.FindMyLocation': '定位到我的位置',
  'GeolocateControl.LocationNotAvailable': '无法获取位置',
  'AttributionControl.ToggleAttribution': '显示或隐藏数据来源',
  'AttributionControl.MapFeedback': '地图反馈',
  'ScaleControl.Meters': 'm',
  'ScaleControl.Kilometers': 'km',
  'CooperativeGesturesHandler.WindowsHelpText': '按住 Ctrl 键并滚动滚轮缩放地图',
  'CooperativeGesturesHandler.MacHelpText': '按住 ⌘ 键并滚动缩放地图',
  'CooperativeGesturesHandler.MobileHelpText': '用两根手指移动地图',
};
const EN: Record<string, string> = {
  'NavigationControl.ZoomIn': 'Zoom in',
  'NavigationControl.ZoomOut': 'Zoom out',
  'NavigationControl.ResetBearing': 'Reset bearing to north',
  'FullscreenControl.Enter': 'Enter fullscreen',
  'FullscreenControl.Exit': 'Exit fullscreen',
  'AttributionControl.ToggleAttribution': 'Toggle attribution',
};

/** The `locale` option for `new maplibregl.Map(...)`. */
export function mapLocale(locale: Locale): Record<string, string> {
  return locale === 'zh-CN' ? ZH : EN;
}

const BUTTONS: [string, string][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-compass', 'NavigationControl.ResetBearing'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Relabel the controls already on a map after the language changed. */
export function relabelControls(root: HTMLElement, locale: Locale): void {
  const table = mapLocale(locale);
  for (const [sel, key] of BUTTONS) {
    for (const el of root.querySelectorAll<HTMLElement>(sel)) {
      el.title = table[key] ?? el.title;
      el.setAttribute('aria-label', table[key] ?? el.getAttribute('aria-label') ?? '');
    }
  }
}
