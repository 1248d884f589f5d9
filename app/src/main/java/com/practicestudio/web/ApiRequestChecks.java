package com.practicestudio.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Checks every API request passes before its controller runs. */
@Configuration
class ApiRequestChecks implements WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(new UnknownQueryParameters()).addPathPatterns("/api/**");
  }
}
