import { applyDecorators, Type } from '@nestjs/common';
import { ApiExtraModels, ApiOkResponse, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE, MAX_PAGE_SIZE } from './pagination';

/** The fields every page of a list has besides its `items` (the `Page` shape of pagination.ts). */
export class PageResponseDto {
  @ApiProperty({ type: 'integer', minimum: 0, description: 'items matching the query, on all pages together' }) total!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE, description: 'this page, from 1' }) page!: number;
  @ApiProperty({ type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, description: 'how many items a page holds' }) pageSize!: number;
}

/**
 * Documents a 200 answer that is one page of a list, `{ items: Item[], total, page, pageSize }`:
 * the page fields by reference, `items` typed with the item's own schema.
 */
export function ApiPageResponse(item: Type<unknown>, description = `a page of ${item.name.replace(/ResponseDto$/, '')} items`) {
  return applyDecorators(
    ApiExtraModels(PageResponseDto, item),
    ApiOkResponse({
      description,
      schema: {
        allOf: [
          { $ref: getSchemaPath(PageResponseDto) },
          {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { $ref: getSchemaPath(item) } } },
          },
        ],
      },
    }),
  );
}
