import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@callgrade/auth';
import { UserRole } from '@callgrade/database';
import { IdParam } from '@callgrade/http';
import { AgentLeavesService } from '@callgrade/review-sampling';
import { AgentLeaveResponse, CreateAgentLeaveDto, ListAgentLeavesQuery } from './dto/agent-leave.dto';

const MANAGERS = [UserRole.Admin, UserRole.QaSupervisor];

/** Agents' leave: sampling runs leave out agents on leave for the whole period. */
@ApiTags('sampling')
@Controller('agent-leaves')
export class AgentLeavesController {
  constructor(private readonly leaves: AgentLeavesService) {}

  @Post()
  @Roles(...MANAGERS)
  async create(@Body() dto: CreateAgentLeaveDto, @CurrentPrincipal() principal: Principal): Promise<AgentLeaveResponse> {
    return AgentLeaveResponse.from(await this.leaves.create(dto, principal));
  }

  @Get()
  @Roles(...MANAGERS)
  async list(@Query() query: ListAgentLeavesQuery): Promise<AgentLeaveResponse[]> {
    return (await this.leaves.list(query)).map(AgentLeaveResponse.from);
  }

  @Delete(':id')
  @HttpCode(204)
  @Roles(...MANAGERS)
  async delete(@IdParam() id: string, @CurrentPrincipal() principal: Principal): Promise<void> {
    await this.leaves.delete(id, principal);
  }
}
