export { layerTile, type LayerTileOptions } from './layer-tile.js';
export { isTileAddress, tileLonLatBox, TILE_EXTENT, TILE_BUFFER, MAX_TILE_ZOOM, type TileAddress } from './tile-coords.js';
export { serverTile } from './tile-server.js';
export { embeddedTile } from './tile-embedded.js';
