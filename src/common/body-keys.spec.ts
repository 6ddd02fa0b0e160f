import 'reflect-metadata';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsString, ValidateNested } from 'class-validator';
import { AwardRecipientBatchDto } from '../awards/award-decision.dto';
import { CreateBridgePointListDto } from '../bridge-points/bridge-point.dto';
import { UpdateConclusionNoticeDto } from '../minutes/conclusion-notice.dto';
import { UpdateMinutesDto } from '../minutes/minutes.dto';
import { bodyKeyBudget, MIN_BODY_KEYS } from './body-keys';

class Item {
  @IsString() a!: string;
  @IsString() b!: string;
}

class Holder {
  @IsString() title!: string;
  @ValidateNested() @Type(() => Item) one!: Item;
  @IsArray() @ArrayMaxSize(400) @ValidateNested({ each: true }) @Type(() => Item) many!: Item[];
}

class Plain {
  @IsString() title!: string;
}

describe('bodyKeyBudget', () => {
  it('counts a property, a nested object and a nested list by its ArrayMaxSize', () => {
    // title, one (+a, b), many (+ 400 × (a, b))
    expect(bodyKeyBudget(Holder)).toBe(1 + 1 + 2 + 1 + 400 * 2);
  });

  it('is never less than MIN_BODY_KEYS, nor for a body read without a DTO', () => {
    expect(bodyKeyBudget(Plain)).toBe(MIN_BODY_KEYS);
    expect(bodyKeyBudget(undefined)).toBe(MIN_BODY_KEYS);
  });

  it('lets the API\'s list bodies hold as many items as their DTOs allow', () => {
    expect(bodyKeyBudget(CreateBridgePointListDto)).toBeGreaterThanOrEqual(5000 * 10);
    expect(bodyKeyBudget(AwardRecipientBatchDto)).toBeGreaterThanOrEqual(1000 * 8);
    expect(bodyKeyBudget(UpdateConclusionNoticeDto)).toBeGreaterThan(1000);
    expect(bodyKeyBudget(UpdateMinutesDto)).toBeGreaterThan(1000);
  });
});
