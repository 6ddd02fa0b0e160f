import { Injectable } from '@nestjs/common';
import { BridgePointSummary, BridgePointSummaryRepository } from './bridge-point-summary.repository';

const TTL_MS = 1000;
const MAX_ENTRIES = 1000;

/**
 * The status board and the control room poll the summary many times a second. It is computed
 * at most once a second per conference (concurrent callers share one computation) and
 * dropped at once when this instance changes a bridge point; another instance's change shows
 * within the second.
 */
@Injectable()
export class SummaryCache {
  private readonly entries = new Map<string, { at: number; value: Promise<BridgePointSummary | null> }>();

  constructor(private readonly repository: BridgePointSummaryRepository) {}

  get(conferenceId: string): Promise<BridgePointSummary | null> {
    const now = Date.now();
    const hit = this.entries.get(conferenceId);
    if (hit && now - hit.at < TTL_MS) return hit.value;
    const value = this.repository.summarize(conferenceId);
    this.entries.set(conferenceId, { at: now, value });
    value.catch(() => this.entries.delete(conferenceId));
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  invalidate(conferenceId: string): void {
    this.entries.delete(conferenceId);
  }
}
