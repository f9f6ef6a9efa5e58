metadata name = 'Flex Consumption Function App'
metadata description = 'A Linux Flex Consumption (FC1) plan and Function App running the .NET isolated worker, deploying from a blob container with its user-assigned identity, with App Service Authentication (Entra ID) in front.'

import { appSettingsType, tagsType } from '../types.bicep'

@description('Required. Name of the Function App.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the plan.')
param tags tagsType?

@description('Optional. Tags for the Function App (azd finds the app by its azd-service-name tag).')
param siteTags tagsType?

@description('Required. Resource ID of the user-assigned identity the app runs as.')
param identityResourceId string

@description('Required. Blob container URL the deployment package is uploaded to.')
param deploymentContainerUrl string

@description('Optional. Worker runtime.')
param runtimeName string = 'dotnet-isolated'

@description('Optional. Worker runtime version.')
param runtimeVersion string = '10.0'

@description('Optional. Instance memory size in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 512

@description('Optional. Upper bound on scale-out; keeps a runaway queue from running up a bill.')
@minValue(1)
param maximumInstanceCount int = 40

@description('Required. Resource ID of the Log Analytics workspace that gets the site\'s logs (FunctionAppLogs) and metrics.')
param logAnalyticsWorkspaceResourceId string

@description('Optional. Resource ID of a subnet (delegated to Microsoft.App/environments) the app integrates with; its outbound calls then go through the VNet. Empty: no VNet integration.')
param virtualNetworkSubnetId string = ''

@description('Required. App settings whose names the code reads; literal names so the drift test can check them.')
param appSettings appSettingsType

@description('Optional. App settings generated from parameter arrays (e.g. the support agents).')
param additionalAppSettings appSettingsType = {}

@description('Required. Application (client) ID of the Entra app registration that issues tokens for this API.')
param authClientId string

@description('Required. Tenant ID of that app registration.')
param authTenantId string

@description('Optional. Paths App Service Authentication lets through without a token (each route then checks its own key or is public by design).')
param anonymousPaths string[] = [
  '/api/health'
  '/api/status'
  '/api/status/*'
  '/status'
  '/api/monitoring/heartbeats/*'
  '/api/inbound/email'
  '/api/acknowledge/*'
  '/api/openapi.json'
  '/api/portal/*'
  '/api/console/*'
]

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true
  }
}

resource site 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: siteTags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // The site has no system-assigned identity, so @Microsoft.KeyVault(...) settings must name the one it has.
    keyVaultReferenceIdentity: identityResourceId
    virtualNetworkSubnetId: empty(virtualNetworkSubnetId) ? null : virtualNetworkSubnetId
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
      runtime: {
        name: runtimeName
        version: runtimeVersion
      }
    }
  }
}

resource settings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'appsettings'
  properties: union(appSettings, additionalAppSettings)
}

// Entra ID validates bearer tokens and fills X-MS-CLIENT-PRINCIPAL (the platform drops any such header a caller sends).
// Every path needs a token except the anonymous ones: health and status, heartbeat beats (the secret URL is the key), inbound mail (its function key),
// the OpenAPI document, and the portal/console pages, whose own API calls carry a token. Unauthenticated API calls get
// 401, not a sign-in redirect. The app fails closed on its own as well (WEBSITE_AUTH_ENABLED, docs/deploy.md), because
// the Flex Consumption docs have at times listed Easy Auth as not enforced there.
resource authSettings 'Microsoft.Web/sites/config@2024-11-01' = {
  parent: site
  name: 'authsettingsV2'
  properties: {
    platform: {
      enabled: true
    }
    globalValidation: {
      requireAuthentication: true
      unauthenticatedClientAction: 'Return401'
      excludedPaths: anonymousPaths
    }
    httpSettings: {
      requireHttps: true
    }
    identityProviders: {
      azureActiveDirectory: {
        enabled: true
        registration: {
          clientId: authClientId
          openIdIssuer: '${environment().authentication.loginEndpoint}${authTenantId}/v2.0'
        }
        validation: {
          allowedAudiences: [
            authClientId
            'api://${authClientId}'
          ]
        }
      }
    }
    login: {
      tokenStore: {
        enabled: false
      }
    }
  }
}

resource siteDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource basicPublishingFtp 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'ftp'
  properties: {
    allow: false
  }
}

resource basicPublishingScm 'Microsoft.Web/sites/basicPublishingCredentialsPolicies@2024-11-01' = {
  parent: site
  name: 'scm'
  properties: {
    allow: false
  }
}

@description('The resource ID of the Function App.')
output resourceId string = site.id

@description('The name of the Function App.')
output name string = site.name

@description('The default host name of the Function App.')
output defaultHostName string = site.properties.defaultHostName
