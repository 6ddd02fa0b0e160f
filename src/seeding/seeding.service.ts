import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { AdministrativeUnitsSeeder } from '../administrative-units/administrative-units.seeder';
import { AdministrativeUnitsService } from '../administrative-units/administrative-units.service';
import { UsersService } from '../auth/users.service';
import { AwardFormsService } from '../awards/award-forms.service';
import { AwardsDemoSeeder } from '../awards/awards-demo.seeder';
import { AppConfig } from '../config/app-config';
import { DEFAULT_ADMIN_PASSWORD } from '../config/environment';
import { TransactionRunner } from '../database/transaction-runner';
import { MinutesDemoSeeder } from '../minutes/minutes-demo.seeder';
import { DemoSeeder } from './demo-seeder';

export interface SeedReport {
  administrativeUnits: number;
  awardForms: number;
  adminCreated: boolean;
  demoCreated: boolean;
}

/**
 * Seeds reference data (administrative units, award forms), the first admin and, with
 * SEED_DEMO, the demo conference. On start it
 * runs only when the catalogue is empty (first start); `npm run seed` runs it on demand.
 * Every step is an upsert, so running it again changes nothing.
 */
@Injectable()
export class SeedingService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedingService.name);

  constructor(
    private readonly config: AppConfig,
    private readonly tx: TransactionRunner,
    private readonly units: AdministrativeUnitsService,
    private readonly unitsSeeder: AdministrativeUnitsSeeder,
    private readonly awardForms: AwardFormsService,
    private readonly users: UsersService,
    private readonly demo: DemoSeeder,
    private readonly demoAwards: AwardsDemoSeeder,
    private readonly demoMinutes: MinutesDemoSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if ((await this.units.count()) > 0) return;
    const report = await this.seed();
    this.logger.log(
      `first start: seeded ${report.administrativeUnits} administrative units and ${report.awardForms} award forms` +
        (report.demoCreated ? ', and the demo conference' : ''),
    );
  }

  async seed(): Promise<SeedReport> {
    const catalogue = this.unitsSeeder.readCatalogue();
    const [administrativeUnits, awardForms] = await this.tx.transaction(async (manager) => [
      await this.unitsSeeder.seed(manager, catalogue),
      await this.awardForms.seed(manager),
    ]);
    const { email, password } = this.config.admin;
    const adminCreated = await this.users.ensureAdmin(email, password);
    if (adminCreated) {
      const shown = password === DEFAULT_ADMIN_PASSWORD ? password : '(the value of ADMIN_PASSWORD)';
      this.logger.log(`admin user created: ${email} / ${shown}`);
    }
    const demoCreated = this.config.seedDemo ? await this.seedDemo() : false;
    return { administrativeUnits, awardForms, adminCreated, demoCreated };
  }

  /**
   * The demo conference, then its award decisions and its approved minutes (drafted from the
   * conference and the awards, so in that order). Answers whether the conference was created;
   * awards and minutes are added to a demo conference seeded before they existed.
   */
  async seedDemo(): Promise<boolean> {
    const admin = await this.users.findByEmail(this.config.admin.email);
    const adminId = admin?.id ?? null;
    const demo = this.demo.read();
    return this.tx.transaction(async (m) => {
      const created = await this.demo.seed(m, adminId, demo);
      await this.demoAwards.seed(m, demo.conference.id);
      await this.demoMinutes.seed(m, demo.conference.id, adminId);
      return created;
    });
  }
}
