export { layerTile, warmTileRanking, type LayerTileOptions } from './layer-tile.js';
export { isThinnable, thinnedRows, TILE_PRIORITY, type TileBudget, type TileCells } from './tile-thinning.js';
export { cachedTileRanking, loadTileRanking, peekTileRanking, type TileRanking } from './tile-ranking.js';
export { tileCells } from './tile-cells.js';
export { isTileAddress, tileLonLatBox, TILE_EXTENT, TILE_BUFFER, MAX_TILE_ZOOM, type TileAddress } from './tile-coords.js';
export { serverTile, serverThinnedTile } from './tile-server.js';
export { embeddedTile, embeddedThinnedTile } from './tile-embedded.js';
