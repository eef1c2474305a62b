import { DealScopes } from '#ltc/platform';
import { Module } from '@nestjs/common';
import { AmendmentsController } from './amendments/amendments.controller.js';
import { contractCommands } from './contract-commands/contract-command.message.js';
import { ContractCommands } from './contract-commands/contract-commands.service.js';
import { DraftContractController } from './draft-contract/draft-contract.controller.js';
import { HandoverController } from './handover/handover.controller.js';
import { InvoicesController } from './invoices/invoices.controller.js';
import { PurchaseOrdersController } from './purchase-orders/purchase-orders.controller.js';
import { SignContractController } from './sign-contract/sign-contract.controller.js';

/** The contract commands of the MCE context: their routes and the one generic handler. Reads have a module of their own. */
@Module({
  controllers: [
    DraftContractController,
    SignContractController,
    AmendmentsController,
    HandoverController,
    PurchaseOrdersController,
    InvoicesController,
  ],
  providers: [contractCommands.Handler, ContractCommands, DealScopes],
  exports: [ContractCommands],
})
export class ContractsModule {}
