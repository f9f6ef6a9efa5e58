metadata name = 'Monitoring'
metadata description = 'Log Analytics workspace and workspace-based Application Insights that only accepts Entra ID authenticated telemetry.'

import { roleAssignmentType, tagsType } from '../types.bicep'

@description('Required. Name of the Log Analytics workspace.')
param logAnalyticsName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the resources.')
param tags tagsType?

@description('Optional. Days to keep logs.')
@minValue(30)
param retentionInDays int = 30

@description('Optional. Daily ingestion cap of the Log Analytics workspace in GB; ingestion stops for the rest of the day once it is reached (a runaway log loop cannot run up the bill). -1: no cap.')
@minValue(-1)
param dailyCapGb int = 1

@description('Optional. Role assignments on the Application Insights component (e.g. Monitoring Metrics Publisher for the app).')
param roleAssignments roleAssignmentType[] = []

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: logAnalyticsName
  location: location
  tags: tags
  properties: {
    retentionInDays: retentionInDays
    workspaceCapping: {
      dailyQuotaGb: dailyCapGb
    }
    sku: {
      name: 'PerGB2018'
    }
    features: {
      disableLocalAuth: true
    }
  }
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: applicationInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
    IngestionMode: 'LogAnalytics'
  }
}

resource insightsRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: if (!empty(assignment.principalId)) {
    name: guid(applicationInsights.id, assignment.principalId, assignment.roleDefinitionId)
    scope: applicationInsights
    properties: {
      principalId: assignment.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalType: assignment.?principalType
      // The role's documented name first, so the portal and the drift test both see which role was meant.
      description: '${assignment.roleName}: ${assignment.description}'
    }
  }
]

@description('The resource ID of the Application Insights component.')
output applicationInsightsResourceId string = applicationInsights.id

@description('The name of the Application Insights component.')
output applicationInsightsName string = applicationInsights.name

@description('The connection string (not a secret: with local auth off, ingestion also needs an Entra token).')
output applicationInsightsConnectionString string = applicationInsights.properties.ConnectionString

@description('The resource ID of the Log Analytics workspace.')
output logAnalyticsResourceId string = workspace.id
