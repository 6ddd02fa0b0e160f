import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const MAX_PAGE_SIZE = 500;
export const DEFAULT_PAGE_SIZE = 100;
/** Far beyond any list here; keeps the row offset a safe integer for every database. */
export const MAX_PAGE = 1_000_000;

/** `?page=&pageSize=`; extend it for a list's own filters. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, description: 'which page of the list, from 1' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'how many items a page holds' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize: number = DEFAULT_PAGE_SIZE;
}

/** The list shape of every paginated endpoint. */
export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const skipOf = (query: PageQueryDto) => (query.page - 1) * query.pageSize;

export function pageOf<E, T>(query: PageQueryDto, [rows, total]: [E[], number], map: (row: E) => T): Page<T> {
  return { items: rows.map(map), total, page: query.page, pageSize: query.pageSize };
}
