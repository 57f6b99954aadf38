/** The reading parameters the contract declares (the layer reads), shared with OGC and tiles. */
export { BboxParam, FieldsParam, LayerIdParams, LayerItemsQuery } from '@riskmap/contract';

/** The OGC and tile parameters live with their route contracts. */
export { CollectionParams, DatetimeParam, ItemParams, OgcBboxParam, OgcFormatQuery, OgcItemQuery, OgcItemsQuery, TileParams } from '@riskmap/contract';
