/**
 * A WebGL point layer for dense point layers (tens of thousands of risk points and up): one buffer,
 * one draw call, no worker round trip and no tiling, so 100,000 points reach the map's `idle` in a
 * few frames. Clicks are answered by `pick` (nearest point within a few pixels, a linear scan).
 */
import type { CustomLayerInterface, CustomRenderMethodInput, Map as MlMap } from 'maplibre-gl';
import { mercatorPoints, pointRadiusPx, rgb } from './dense-points-math.js';

const VERT = `#version 300 es
uniform mat4 u_matrix;
uniform float u_size;
in vec2 a_pos;
in vec3 a_color;
out vec3 v_color;
void main() {
  gl_Position = u_matrix * vec4(a_pos, 0.0, 1.0);
  gl_PointSize = u_size;
  v_color = a_color;
}`;
const FRAG = `#version 300 es
precision highp float;
uniform float u_size;
uniform float u_stroke;
in vec3 v_color;
out vec4 color;
void main() {
  float d = length(gl_PointCoord - 0.5) * u_size;
  float r = u_size * 0.5;
  if (d > r) discard;
  float a = clamp(r - d, 0.0, 1.0);
  vec3 c = d > r - u_stroke ? vec3(1.0) : v_color;
  color = vec4(c * a, a);
}`;

export interface DensePoint {
  lonLat: readonly [number, number];
  level: number;
}

export class DensePointsLayer<T extends DensePoint> implements CustomLayerInterface {
  readonly type = 'custom' as const;
  readonly renderingMode = '2d' as const;
  private map: MlMap | null = null;
  private gl: WebGL2RenderingContext | null = null;
  private program: WebGLProgram | null = null;
  private vao: WebGLVertexArrayObject | null = null;
  private buffer: WebGLBuffer | null = null;
  private count = 0;
  private origin: [number, number] = [0, 0];
  private merc: Float64Array = new Float64Array(0);
  private items: readonly T[] = [];
  private dirty = false;
  visible = true;

  constructor(
    readonly id: string,
    private colours: Record<number, string>,
  ) {}

  onAdd(map: MlMap, gl: WebGL2RenderingContext): void {
    this.map = map;
    this.gl = gl;
    const shader = (type: number, src: string) => {
      const s = gl.createShader(type)!;
      gl.shaderSource(s, src);
      gl.compileShader(s);
      if (!gl.getShaderParameter(s, gl.COMPILE_STATUS)) throw new Error(`dense-points shader: ${gl.getShaderInfoLog(s)}`);
      return s;
    };
    const p = gl.createProgram()!;
    gl.attachShader(p, shader(gl.VERTEX_SHADER, VERT));
    gl.attachShader(p, shader(gl.FRAGMENT_SHADER, FRAG));
    gl.linkProgram(p);
    if (!gl.getProgramParameter(p, gl.LINK_STATUS)) throw new Error(`dense-points program: ${gl.getProgramInfoLog(p)}`);
    this.program = p;
    this.buffer = gl.createBuffer();
    this.vao = gl.createVertexArray();
    gl.bindVertexArray(this.vao);
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    const pos = gl.getAttribLocation(p, 'a_pos');
    const col = gl.getAttribLocation(p, 'a_color');
    gl.enableVertexAttribArray(pos);
    gl.vertexAttribPointer(pos, 2, gl.FLOAT, false, 20, 0);
    gl.enableVertexAttribArray(col);
    gl.vertexAttribPointer(col, 3, gl.FLOAT, false, 20, 8);
    gl.bindVertexArray(null);
    this.dirty = true;
  }

  onRemove(): void {
    const gl = this.gl;
    if (gl) {
      gl.deleteBuffer(this.buffer);
      gl.deleteVertexArray(this.vao);
      gl.deleteProgram(this.program);
    }
    this.map = this.gl = null;
  }

  /** Replace the points (e.g. after a level toggle); the map repaints once. */
  setData(items: readonly T[]): void {
    this.items = items;
    const m = mercatorPoints(items.map((i) => i.lonLat));
    this.merc = m.merc;
    this.origin = m.origin;
    this.dirty = true;
    this.map?.triggerRepaint();
  }

  get size(): number {
    return this.items.length;
  }

  private upload(gl: WebGL2RenderingContext): void {
    const n = this.items.length;
    const data = new Float32Array(n * 5);
    const colour = new Map<number, [number, number, number]>();
    for (let i = 0; i < n; i++) {
      const level = this.items[i]!.level;
      let c = colour.get(level);
      if (!c) colour.set(level, (c = rgb(this.colours[level] ?? '#999999')));
      data[i * 5] = this.merc[i * 2]! - this.origin[0];
      data[i * 5 + 1] = this.merc[i * 2 + 1]! - this.origin[1];
      data.set(c, i * 5 + 2);
    }
    gl.bindBuffer(gl.ARRAY_BUFFER, this.buffer);
    gl.bufferData(gl.ARRAY_BUFFER, data, gl.STATIC_DRAW);
    this.count = n;
    this.dirty = false;
  }

  render(gl: WebGL2RenderingContext, options: CustomRenderMethodInput): void {
    if (!this.program || !this.map) return;
    if (this.dirty) this.upload(gl);
    if (!this.visible || this.count === 0) return;
    // Positions are relative to `origin` (float32 keeps ~cm precision); the translation is folded into the matrix in float64.
    const m = options.defaultProjectionData.mainMatrix as unknown as ArrayLike<number>;
    const [ox, oy] = this.origin;
    const matrix = Float32Array.from(m);
    for (let r = 0; r < 4; r++) matrix[12 + r] = m[r]! * ox + m[4 + r]! * oy + m[12 + r]!;
    const dpr = window.devicePixelRatio || 1;
    const size = (pointRadiusPx(this.map.getZoom()) * 2 + 1) * dpr;
    gl.useProgram(this.program);
    gl.uniformMatrix4fv(gl.getUniformLocation(this.program, 'u_matrix'), false, matrix);
    gl.uniform1f(gl.getUniformLocation(this.program, 'u_size'), size);
    gl.uniform1f(gl.getUniformLocation(this.program, 'u_stroke'), 1.2 * dpr);
    gl.disable(gl.DEPTH_TEST);
    gl.disable(gl.STENCIL_TEST);
    gl.disable(gl.CULL_FACE);
    gl.enable(gl.BLEND);
    gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
    gl.bindVertexArray(this.vao);
    gl.drawArrays(gl.POINTS, 0, this.count);
    gl.bindVertexArray(null);
  }

  /** The point drawn under screen pixel (x, y), nearest first, within its radius + 2 px; else null. */
  pick(x: number, y: number): T | null {
    if (!this.map || !this.visible || this.items.length === 0) return null;
    const map = this.map;
    const world = 512 * 2 ** map.getZoom();
    const ll = map.unproject([x, y]);
    const at = mercatorPoints([[ll.lng, ll.lat]]).merc;
    const px = at[0]!;
    const py = at[1]!;
    const r = (pointRadiusPx(map.getZoom()) + 2) / world;
    let best = -1;
    let bestD = r * r;
    for (let i = 0; i < this.items.length; i++) {
      const dx = this.merc[i * 2]! - px;
      const dy = this.merc[i * 2 + 1]! - py;
      const d = dx * dx + dy * dy;
      if (d <= bestD) (bestD = d), (best = i);
    }
    return best >= 0 ? this.items[best]! : null;
  }
}
