package com.practicestudio.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks every API request passes before its controller runs. */
@Configuration
class ApiRequestChecks implements WebMvcConfigurer {

  // looked up at the first request: the MVC configuration that makes it also asks for interceptors
  private final ObjectProvider<ConversionService> mvcConversions;

  ApiRequestChecks(@Qualifier("mvcConversionService") ObjectProvider<ConversionService> mvc) {
    this.mvcConversions = mvc;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry
        .addInterceptor(new QueryParameterChecks(mvcConversions::getObject))
        .addPathPatterns("/api/**");
  }
}
